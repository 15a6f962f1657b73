package dev.dialtone.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the fields of one JSON object, collecting a {@link FieldError} for everything wrong instead of stopping at
 * the first problem, so a client learns all its mistakes in one answer. A getter that finds a problem records it
 * and returns {@code null} (or the default); call {@link #throwIfInvalid()} when done.
 */
public final class Fields {

    /** Source ids, check names and the like: long enough for any platform's ids, short enough to index. */
    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_TEXT_LENGTH = 2000;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final JsonNode node;
    private final String path;
    private final List<FieldError> errors;
    /** Not an object at all: that one error is reported, and its fields are not complained about one by one. */
    private final boolean notAnObject;

    private Fields(JsonNode node, String path, List<FieldError> errors) {
        this.notAnObject = node == null || !node.isObject();
        this.node = notAnObject ? MissingNode.getInstance() : node;
        this.path = path;
        this.errors = errors;
    }

    /** Reads the top-level object of a request body. */
    public static Fields of(JsonNode body) {
        return of(body, "", new ArrayList<>());
    }

    /** Reads an object found at {@code path}, reporting into a shared error list (e.g. one item of a batch). */
    public static Fields of(JsonNode node, String path, List<FieldError> errors) {
        Fields fields = new Fields(node, path, errors);
        if (fields.notAnObject) {
            errors.add(new FieldError(path.isEmpty() ? "(body)" : path, "must be a JSON object"));
        }
        return fields;
    }

    /** False when the value was not a JSON object at all (that one error is already reported). */
    public boolean isObject() {
        return !notAnObject;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** The path of a field of this object, as reported to clients: {@code name}, {@code a.b}, {@code [3].name}. */
    public String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public void reject(String name, String message) {
        if (notAnObject) {
            return;
        }
        errors.add(new FieldError(pathOf(name), message));
    }

    /** Reports fields not in {@code known}: a misspelt optional field would otherwise be silently ignored. */
    public void rejectUnknown(Set<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                reject(name, "is not a known field");
            }
        }
    }

    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    public String requiredText(String name, int maxLength) {
        if (!has(name)) {
            reject(name, "is required");
            return null;
        }
        return optionalText(name, maxLength);
    }

    public String optionalText(String name, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            reject(name, "must be a string");
            return null;
        }
        String text = value.textValue();
        if (text.isBlank()) {
            reject(name, "must not be blank");
            return null;
        }
        if (text.length() > maxLength) {
            reject(name, "must be at most " + maxLength + " characters (got " + text.length() + ")");
            return null;
        }
        if (hasControlCharacters(text)) {
            reject(name, "must not contain control characters other than tab and line breaks");
            return null;
        }
        return text;
    }

    public Instant requiredInstant(String name) {
        String text = requiredText(name, 64);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            reject(name, "must be an ISO-8601 timestamp with an offset, e.g. 2026-11-25T03:12:00Z");
            return null;
        }
    }

    /** Parses an enum by name, ignoring case; the message lists the accepted values. */
    public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
        if (!has(name)) {
            reject(name, "is required; one of " + names(type));
            return null;
        }
        return optionalEnum(name, type, null);
    }

    public <E extends Enum<E>> E optionalEnum(String name, Class<E> type, E fallback) {
        String text = optionalText(name, 64);
        if (text == null) {
            return has(name) ? null : fallback;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            reject(name, "must be one of " + names(type) + " (got '" + text + "')");
            return null;
        }
    }

    /** A number in [min, max]; {@code fallback} when absent. */
    public Double number(String name, double min, double max, Double fallback) {
        return numberWhere(name, fallback, n -> n >= min && n <= max,
                "must be between " + format(min) + " and " + format(max));
    }

    /** A number strictly between {@code low} and {@code high}, such as a percentage target. */
    public Double numberBetweenExclusive(String name, double low, double high, Double fallback) {
        return numberWhere(name, fallback, n -> n > low && n < high,
                "must be greater than " + format(low) + " and less than " + format(high));
    }

    private Double numberWhere(String name, Double fallback, DoublePredicate allowed, String rule) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            reject(name, "must be a number");
            return null;
        }
        double number = value.doubleValue();
        if (!Double.isFinite(number) || !allowed.test(number)) {
            reject(name, rule + " (got " + value + ")");
            return null;
        }
        return number;
    }

    /** A whole number in [min, max]; {@code fallback} when absent. */
    public Long integer(String name, long min, long max, Long fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() && !(value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue()))) {
            reject(name, "must be a whole number");
            return null;
        }
        if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
            reject(name, "must be between " + min + " and " + max + " (got " + value + ")");
            return null;
        }
        return value.longValue();
    }

    public Boolean bool(String name, Boolean fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            reject(name, "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    /** A positive ISO-8601 duration such as {@code PT5M} or {@code PT30S}. */
    public Duration positiveDuration(String name, Duration fallback) {
        String text = optionalText(name, 64);
        if (text == null) {
            return has(name) ? null : fallback;
        }
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative() || duration.isZero()) {
                reject(name, "must be a positive duration (got '" + text + "')");
                return null;
            }
            return duration;
        } catch (DateTimeParseException e) {
            reject(name, "must be an ISO-8601 duration such as PT30S or PT5M (got '" + text + "')");
            return null;
        }
    }

    /** An absolute http or https URL. */
    public String url(String name, boolean required) {
        String text = required ? requiredText(name, MAX_TEXT_LENGTH) : optionalText(name, MAX_TEXT_LENGTH);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                reject(name, "must be an absolute http or https URL (got '" + text + "')");
                return null;
            }
            return text;
        } catch (URISyntaxException e) {
            reject(name, "must be an absolute http or https URL (got '" + text + "')");
            return null;
        }
    }

    /** A phone number in E.164 form, e.g. +14155550100. */
    public String phoneNumber(String name, boolean required) {
        String text = required ? requiredText(name, 32) : optionalText(name, 32);
        if (text != null && !E164.matcher(text).matches()) {
            reject(name, "must be an E.164 phone number such as +14155550100 (got '" + text + "')");
            return null;
        }
        return text;
    }

    /** The nested object {@code name}, or null (with an error if it is there but not an object). */
    public Fields object(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            reject(name, "must be a JSON object");
            return null;
        }
        return new Fields(value, pathOf(name), errors);
    }

    /** The elements of array {@code name}, each with its path ({@code name[i]}); null when absent. */
    public List<JsonNode> array(String name, int maxSize) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            reject(name, "must be a JSON array");
            return null;
        }
        if (value.size() > maxSize) {
            reject(name, "must have at most " + maxSize + " elements (got " + value.size() + ")");
            return null;
        }
        List<JsonNode> elements = new ArrayList<>();
        value.forEach(elements::add);
        return elements;
    }

    /** A reader for the object {@code element} found in array {@code name} at {@code index}. */
    public Fields element(String name, int index, JsonNode element) {
        return of(element, pathOf(name) + "[" + index + "]", errors);
    }

    /** The names of the object's fields, in document order. */
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** NUL and friends are never meant, and PostgreSQL's JSON types refuse NUL outright. */
    private static boolean hasControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
