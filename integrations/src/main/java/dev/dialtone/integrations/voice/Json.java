package dev.dialtone.integrations.voice;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Lenient reads of optional fields: a platform that omits or reshapes a field we only use for detail must not
 * cost us the call.
 */
final class Json {

    private Json() {
    }

    /** The node at the path, or null when any step is missing or JSON null. */
    static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node;
        for (String step : path) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(step);
        }
        return current == null || current.isNull() || current.isMissingNode() ? null : current;
    }

    /** Text at the path (numbers and booleans as text), or null when absent or blank. */
    static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value == null || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    /** A number at the path, also when sent as a numeric string; null when absent or not a number. */
    static Double number(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isTextual()) {
            try {
                return Double.valueOf(value.asText().trim());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    /** An ISO-8601 instant (with Z or an offset) at the path; null when absent or unparseable. */
    static Instant isoInstant(JsonNode node, String... path) {
        String text = text(node, path);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException notIso) {
            return null;
        }
    }

    static Instant epochMillis(Double millis) {
        return millis == null ? null : Instant.ofEpochMilli(Math.round(millis));
    }

    /**
     * An epoch time whose unit the sender does not state: below 10^11 it can only be seconds (10^11 seconds is the
     * year 5138), otherwise milliseconds.
     */
    static Instant epochSecondsOrMillis(Double value) {
        if (value == null) {
            return null;
        }
        return value < 1e11 ? epochSeconds(value) : epochMillis(value);
    }

    static Instant epochSeconds(Double seconds) {
        return seconds == null ? null : Instant.ofEpochMilli(Math.round(seconds * 1000));
    }
}
