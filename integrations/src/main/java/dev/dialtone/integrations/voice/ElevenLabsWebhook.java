package dev.dialtone.integrations.voice;

import dev.dialtone.domain.agent.api.VoicePlatform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.domain.signal.api.CallDirection;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an ElevenLabs Agents post-call webhook ({@code {"type": ..., "event_timestamp": ..., "data": {...}}},
 * ElevenLabs docs "Post-call webhooks") into a finished call, so an agent built on ElevenLabs reports its calls by
 * pointing its post-call webhook at Dialtone.
 *
 * <ul>
 *   <li>{@code post_call_transcription}: a conversation that took place; outcome from {@code data.status} (see
 *       {@link ElevenLabsOutcomes}); the raw reason is the status, followed by
 *       {@code data.metadata.termination_reason} when there is one. Time: {@code metadata.start_time_unix_secs}
 *       plus {@code metadata.call_duration_secs}. Direction: {@code metadata.phone_call.direction}; a conversation
 *       without {@code phone_call} (web widget, dashboard test) is OUTBOUND, so it never moves the phone line's
 *       SLI.</li>
 *   <li>{@code call_initiation_failure}: an outbound call that never connected; {@code data.failure_reason}
 *       ({@code busy}, {@code no-answer}, {@code unknown}) is MISSED. {@code data.metadata.type} is {@code twilio} or
 *       {@code sip}, and for Twilio {@code data.metadata.body} is Twilio's status callback, whose {@code Direction}
 *       is used when present.</li>
 *   <li>{@code post_call_audio} and anything else: empty.</li>
 * </ul>
 * The sourceId is {@code data.conversation_id}.
 */
public final class ElevenLabsWebhook {

    public static final String POST_CALL_TRANSCRIPTION = "post_call_transcription";
    public static final String CALL_INITIATION_FAILURE = "call_initiation_failure";

    private ElevenLabsWebhook() {
    }

    /**
     * @param receivedAt used as the event time when the payload carries none
     * @throws MalformedWebhookException when a handled event has no {@code data.conversation_id}
     */
    public static Optional<PlatformCall> parse(JsonNode body, Instant receivedAt) {
        String type = Json.text(body, "type");
        if (POST_CALL_TRANSCRIPTION.equals(type)) {
            return Optional.of(transcription(body, receivedAt));
        }
        if (CALL_INITIATION_FAILURE.equals(type)) {
            return Optional.of(initiationFailure(body, receivedAt));
        }
        return Optional.empty();
    }

    private static PlatformCall transcription(JsonNode body, Instant receivedAt) {
        JsonNode data = Json.at(body, "data");
        String conversationId = conversationId(data, POST_CALL_TRANSCRIPTION);
        String status = Json.text(data, "status");
        String terminationReason = Json.text(data, "metadata", "termination_reason");
        ReasonMapping mapping = ElevenLabsOutcomes.mapConversationStatus(status);
        Double duration = Json.number(data, "metadata", "call_duration_secs");
        Instant started = Json.epochSeconds(Json.number(data, "metadata", "start_time_unix_secs"));
        Instant occurredAt = started != null
                ? (duration != null ? started.plusMillis(Math.round(duration * 1000)) : started)
                : eventTime(body, receivedAt);
        JsonNode phoneCall = Json.at(data, "metadata", "phone_call");
        CallDirection direction = phoneCall == null
                ? CallDirection.OUTBOUND
                : outboundIf(Json.text(phoneCall, "direction"));
        String rawReason = terminationReason == null ? status
                : status == null ? terminationReason
                : status + ": " + terminationReason;
        return new PlatformCall(VoicePlatform.ELEVENLABS, conversationId, conversationId, POST_CALL_TRANSCRIPTION,
                occurredAt, direction, mapping.outcome(), duration, rawReason, mapping.match(), null);
    }

    private static PlatformCall initiationFailure(JsonNode body, Instant receivedAt) {
        JsonNode data = Json.at(body, "data");
        String conversationId = conversationId(data, CALL_INITIATION_FAILURE);
        String failureReason = Json.text(data, "failure_reason");
        ReasonMapping mapping = ElevenLabsOutcomes.mapInitiationFailure(failureReason);
        String twilioDirection = Json.text(data, "metadata", "body", "Direction");
        // ElevenLabs initiates these calls itself, so without Twilio's word they are outbound.
        CallDirection direction = twilioDirection == null
                ? CallDirection.OUTBOUND
                : TwilioStatuses.direction(twilioDirection);
        return new PlatformCall(VoicePlatform.ELEVENLABS, conversationId, conversationId, CALL_INITIATION_FAILURE,
                eventTime(body, receivedAt), direction, mapping.outcome(), null, failureReason, mapping.match(), null);
    }

    private static String conversationId(JsonNode data, String type) {
        String id = Json.text(data, "conversation_id");
        if (id == null) {
            throw new MalformedWebhookException("an ElevenLabs " + type + " webhook carries data.conversation_id");
        }
        return id;
    }

    private static Instant eventTime(JsonNode body, Instant receivedAt) {
        Instant at = Json.epochSeconds(Json.number(body, "event_timestamp"));
        return at != null ? at : receivedAt;
    }

    private static CallDirection outboundIf(String direction) {
        return direction != null && direction.trim().toLowerCase(Locale.ROOT).startsWith("outbound")
                ? CallDirection.OUTBOUND
                : CallDirection.INBOUND;
    }
}
