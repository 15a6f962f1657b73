package dev.dialtone.integrations.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * PagerDuty's HTTP answer as it came off the wire. It is read here rather than from the pagerduty-client's
 * {@code EventResult}, which puts the body's {@code status} text where the HTTP status should be for a 400, cannot
 * tell a 400 without {@code errors} from a success, and throws away status and body when the body is not JSON.
 */
record EventsApiAnswer(int status, String reason, String retryAfter, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_QUOTED_BODY = 200;

    boolean accepted() {
        return status >= 200 && status < 300;
    }

    /** The acceptance PagerDuty described, falling back to the dedup key we sent when its body said nothing. */
    PagerDutyAccepted acceptance(String sentDedupKey) {
        JsonNode json = json();
        String dedupKey = text(json, "dedup_key");
        return new PagerDutyAccepted(text(json, "status"), text(json, "message"),
                dedupKey == null ? sentDedupKey : dedupKey);
    }

    PagerDutyDeliveryException rejection(Instant now) {
        String explanation = explanation();
        return new PagerDutyDeliveryException("HTTP " + status + (explanation == null ? "" : ": " + explanation),
                status, retryAfterFrom(now), null);
    }

    /** PagerDuty's own words ({@code message (errors)}), else a plain-text body, else the HTTP reason phrase. */
    private String explanation() {
        JsonNode json = json();
        String message = text(json, "message");
        List<String> errors = new ArrayList<>();
        JsonNode errorsNode = json == null ? null : json.get("errors");
        if (errorsNode != null && errorsNode.isArray()) {
            errorsNode.forEach(error -> {
                if (error.isValueNode() && !error.asText().isBlank()) {
                    errors.add(error.asText());
                }
            });
        }
        if (message != null || !errors.isEmpty()) {
            String joined = String.join("; ", errors);
            if (message == null) {
                return joined;
            }
            return errors.isEmpty() ? message : message + " (" + joined + ")";
        }
        String plain = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (!plain.isEmpty() && json == null && !plain.startsWith("<")) {
            return plain.length() <= MAX_QUOTED_BODY ? plain : plain.substring(0, MAX_QUOTED_BODY) + "…";
        }
        return reason == null || reason.isBlank() ? null : reason;
    }

    /** {@code Retry-After} as delay-seconds or an HTTP-date (RFC 9110 section 10.2.3); null when absent or unreadable. */
    private Duration retryAfterFrom(Instant now) {
        if (retryAfter == null || retryAfter.isBlank()) {
            return null;
        }
        String value = retryAfter.trim();
        if (value.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private JsonNode json() {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        return value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank()
                ? null : value.asText();
    }
}
