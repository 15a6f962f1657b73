package dev.dialtone.integrations.voice;

import dev.dialtone.domain.agent.api.VoicePlatform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.domain.signal.api.CallDirection;
import dev.dialtone.domain.signal.api.HealthStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a Vapi server message ({@code {"message": {...}}}, Vapi docs "Server events") into a signal, so an agent
 * built on Vapi reports its calls by pointing its server URL at Dialtone.
 *
 * <ul>
 *   <li>{@code end-of-call-report}: a finished call. The reason sits in {@code message.endedReason} or
 *       {@code message.call.endedReason} (both shapes appear in Vapi's docs) and maps through
 *       {@link VapiEndedReasons}. The sourceId is the call id.</li>
 *   <li>{@code hang}: "sent when the assistant is hanging due to a delay" (slow model, voice or tool; Vapi OpenAPI
 *       {@code ServerMessageHang}): a DEGRADED health signal, check {@value #HANG_CHECK}.</li>
 *   <li>Any other type (status updates, transcripts, tool calls...) is not Dialtone's business: empty.</li>
 * </ul>
 * Direction comes from {@code call.type}: {@code inboundPhoneCall} is INBOUND; {@code outboundPhoneCall} and
 * {@code webCall} are OUTBOUND, so browser and dashboard test calls never move the phone line's SLI; a missing or
 * unknown type is INBOUND.
 */
public final class VapiServerMessage {

    public static final String END_OF_CALL_REPORT = "end-of-call-report";
    public static final String HANG = "hang";
    public static final String HANG_CHECK = "vapi-hang";

    private VapiServerMessage() {
    }

    /**
     * @param body       the parsed request body
     * @param receivedAt used as the event time when the message carries none
     * @throws MalformedWebhookException when there is no {@code message} object, or an end-of-call report has no
     *                                   call id
     */
    public static Optional<PlatformSignal> parse(JsonNode body, Instant receivedAt) {
        JsonNode message = Json.at(body, "message");
        if (message == null || !message.isObject()) {
            throw new MalformedWebhookException("a Vapi server message is an object with a `message` object");
        }
        String type = Json.text(message, "type");
        if (END_OF_CALL_REPORT.equals(type)) {
            return Optional.of(endOfCallReport(message, receivedAt));
        }
        if (HANG.equals(type)) {
            return Optional.of(hang(message, receivedAt));
        }
        return Optional.empty();
    }

    private static PlatformCall endOfCallReport(JsonNode message, Instant receivedAt) {
        String callId = Json.text(message, "call", "id");
        if (callId == null) {
            throw new MalformedWebhookException("a Vapi end-of-call-report carries message.call.id");
        }
        String endedReason = firstNonNull(Json.text(message, "endedReason"), Json.text(message, "call", "endedReason"));
        ReasonMapping mapping = VapiEndedReasons.map(endedReason);
        Instant endedAt = firstNonNull(
                Json.isoInstant(message, "endedAt"),
                Json.isoInstant(message, "call", "endedAt"),
                Json.epochSecondsOrMillis(Json.number(message, "timestamp")),
                receivedAt);
        return new PlatformCall(VoicePlatform.VAPI, callId, callId, END_OF_CALL_REPORT, endedAt,
                direction(Json.text(message, "call", "type")), mapping.outcome(), durationSeconds(message),
                endedReason, mapping.match(), null);
    }

    private static PlatformHealth hang(JsonNode message, Instant receivedAt) {
        String callId = Json.text(message, "call", "id");
        Instant at = firstNonNull(Json.epochSecondsOrMillis(Json.number(message, "timestamp")), receivedAt);
        // Vapi can send several hangs per call; the message time tells them apart and a redelivery repeats it.
        String sourceId = (callId == null ? "no-call" : callId) + ":hang:" + at.toEpochMilli();
        String detail = "assistant hanging on a delay (slow model, voice or tool response)"
                + (callId == null ? "" : " on call " + callId);
        return new PlatformHealth(VoicePlatform.VAPI, sourceId, HANG_CHECK, at, HealthStatus.DEGRADED, detail,
                callId);
    }

    static CallDirection direction(String callType) {
        if (callType == null) {
            return CallDirection.INBOUND;
        }
        String type = callType.toLowerCase(Locale.ROOT);
        return type.startsWith("outbound") || type.startsWith("web")
                ? CallDirection.OUTBOUND
                : CallDirection.INBOUND;
    }

    private static Double durationSeconds(JsonNode message) {
        Double seconds = Json.number(message, "durationSeconds");
        if (seconds != null) {
            return seconds;
        }
        Double millis = Json.number(message, "durationMs");
        if (millis != null) {
            return millis / 1000.0;
        }
        Instant started = firstNonNull(Json.isoInstant(message, "startedAt"), Json.isoInstant(message, "call", "startedAt"));
        Instant ended = firstNonNull(Json.isoInstant(message, "endedAt"), Json.isoInstant(message, "call", "endedAt"));
        return started == null || ended == null || ended.isBefore(started)
                ? null
                : Duration.between(started, ended).toMillis() / 1000.0;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
