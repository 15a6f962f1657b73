package dev.dialtone.integrations.voice;

import dev.dialtone.domain.agent.api.VoicePlatform;

import dev.dialtone.domain.signal.api.CallDirection;
import dev.dialtone.domain.signal.api.CallOutcome;

import java.time.Instant;
import java.util.Objects;

/**
 * One finished call as a voice platform reported it, already in Dialtone's terms, so the webhook endpoint can
 * record a call-outcome signal without knowing which platform it came from.
 *
 * @param sourceId         idempotency id: Twilio {@code CallSid:CallStatus}, Vapi call id, Retell {@code call_id},
 *                         ElevenLabs {@code conversation_id}
 * @param callId           the platform's id of the call
 * @param event            the platform's event or message type ({@code call_ended}, {@code call_analyzed},
 *                         {@code end-of-call-report}, ...); Retell sends two events per call with one sourceId
 * @param occurredAt       when the call ended (or the platform's best time for it), used as event time
 * @param durationSeconds  null when the platform did not say
 * @param rawReason        the platform's status or reason verbatim, kept for diagnosis; null when absent
 * @param match            how {@code rawReason} was understood; UNKNOWN ones belong in a metric
 * @param sequenceNumber   Twilio's {@code SequenceNumber} (callbacks may arrive out of order: keep the highest per
 *                         call); null for platforms that do not number their callbacks
 */
public record PlatformCall(VoicePlatform platform,
                           String sourceId,
                           String callId,
                           String event,
                           Instant occurredAt,
                           CallDirection direction,
                           CallOutcome outcome,
                           Double durationSeconds,
                           String rawReason,
                           ReasonMatch match,
                           Long sequenceNumber) implements PlatformSignal {

    public PlatformCall {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(match, "match");
    }
}
