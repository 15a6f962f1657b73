package dev.dialtone.integrations.voice;

import dev.dialtone.domain.agent.api.VoicePlatform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.domain.signal.api.CallDirection;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a Retell webhook ({@code {"event": ..., "call": {...}}}, Retell docs "Webhook overview") into a finished
 * call, so an agent built on Retell reports its calls by pointing its webhook at Dialtone.
 *
 * <p>{@code call_ended} and {@code call_analyzed} both describe the same finished call and both carry
 * {@code disconnection_reason}: each becomes a call with sourceId {@code call_id}, so whichever arrives second (and
 * any of Retell's up to three retries) is a duplicate and the call counts once. {@code call_started} and other
 * events are empty. Times are {@code start_timestamp}/{@code end_timestamp} in epoch milliseconds. Direction is
 * {@code direction} ({@code inbound}/{@code outbound}); a {@code web_call} is OUTBOUND, like Vapi's web calls, and a
 * phone call without a direction is INBOUND.
 */
public final class RetellWebhook {

    public static final String CALL_ENDED = "call_ended";
    public static final String CALL_ANALYZED = "call_analyzed";

    private RetellWebhook() {
    }

    /**
     * @param receivedAt used as the event time when the call carries no timestamps
     * @throws MalformedWebhookException when a call event has no {@code call.call_id}
     */
    public static Optional<PlatformCall> parse(JsonNode body, Instant receivedAt) {
        String event = Json.text(body, "event");
        if (!CALL_ENDED.equals(event) && !CALL_ANALYZED.equals(event)) {
            return Optional.empty();
        }
        JsonNode call = Json.at(body, "call");
        String callId = Json.text(call, "call_id");
        if (callId == null) {
            throw new MalformedWebhookException("a Retell " + event + " webhook carries call.call_id");
        }
        String reason = Json.text(call, "disconnection_reason");
        ReasonMapping mapping = RetellDisconnectionReasons.map(reason);
        Instant started = Json.epochMillis(Json.number(call, "start_timestamp"));
        Instant ended = Json.epochMillis(Json.number(call, "end_timestamp"));
        Instant occurredAt = ended != null ? ended : started != null ? started : receivedAt;
        return Optional.of(new PlatformCall(VoicePlatform.RETELL, callId, callId, event, occurredAt,
                direction(Json.text(call, "call_type"), Json.text(call, "direction")), mapping.outcome(),
                durationSeconds(call, started, ended), reason, mapping.match(), null));
    }

    static CallDirection direction(String callType, String direction) {
        if (direction != null) {
            return direction.trim().toLowerCase(Locale.ROOT).startsWith("outbound")
                    ? CallDirection.OUTBOUND
                    : CallDirection.INBOUND;
        }
        return callType != null && callType.toLowerCase(Locale.ROOT).startsWith("web")
                ? CallDirection.OUTBOUND
                : CallDirection.INBOUND;
    }

    private static Double durationSeconds(JsonNode call, Instant started, Instant ended) {
        if (started != null && ended != null && !ended.isBefore(started)) {
            return (ended.toEpochMilli() - started.toEpochMilli()) / 1000.0;
        }
        Double millis = Json.number(call, "duration_ms");
        return millis == null ? null : millis / 1000.0;
    }
}
