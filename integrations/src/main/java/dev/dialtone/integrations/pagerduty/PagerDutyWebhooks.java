package dev.dialtone.integrations.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Reads PagerDuty v3 webhook bodies ({@code {"event": {"id", "event_type", "occurred_at", "agent", "data"}}}, per
 * PagerDuty's webhooks overview) into the incident changes Dialtone acts on: acknowledged and resolved. Every other
 * event type, {@code pagey.ping} included, is simply not a change for Dialtone.
 */
public final class PagerDutyWebhooks {

    public static final String ACKNOWLEDGED = "incident.acknowledged";
    public static final String RESOLVED = "incident.resolved";

    private static final Set<String> CHANGES = Set.of(ACKNOWLEDGED, RESOLVED);
    private static final ObjectMapper JSON = new ObjectMapper();

    private PagerDutyWebhooks() {
    }

    /** Verify the signature on the same raw bytes first; this only reads them. */
    public static Optional<PagerDutyIncidentChange> parse(byte[] rawBody) {
        JsonNode body = json(rawBody);
        JsonNode event = body.get("event");
        if (event == null || !event.isObject()) {
            throw new MalformedPagerDutyWebhookException("PagerDuty webhook without an 'event' object");
        }
        String eventType = text(event, "event_type");
        if (eventType == null) {
            throw new MalformedPagerDutyWebhookException("PagerDuty webhook without 'event.event_type'");
        }
        if (!CHANGES.contains(eventType)) {
            return Optional.empty();
        }
        JsonNode data = event.get("data");
        String incidentId = data == null ? null : text(data, "id");
        if (incidentId == null) {
            throw new MalformedPagerDutyWebhookException(eventType + " webhook without 'event.data.id'");
        }
        JsonNode agent = event.get("agent");
        return Optional.of(new PagerDutyIncidentChange(
                text(event, "id"),
                eventType,
                instant(text(event, "occurred_at")),
                incidentId,
                text(data, "incident_key"),
                agent == null ? null : text(agent, "summary"),
                text(data, "html_url")));
    }

    private static JsonNode json(byte[] rawBody) {
        if (rawBody == null || rawBody.length == 0) {
            throw new MalformedPagerDutyWebhookException("PagerDuty webhook with an empty body");
        }
        JsonNode body;
        try {
            body = JSON.readTree(rawBody);
        } catch (IOException e) {
            throw new MalformedPagerDutyWebhookException("PagerDuty webhook body is not JSON");
        }
        if (body == null || !body.isObject()) {
            throw new MalformedPagerDutyWebhookException("PagerDuty webhook body is not a JSON object");
        }
        return body;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.isObject() ? node.get(field) : null;
        return value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank()
                ? null : value.asText();
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
