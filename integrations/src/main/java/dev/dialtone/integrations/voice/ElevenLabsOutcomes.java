package dev.dialtone.integrations.voice;

import dev.dialtone.domain.signal.api.CallOutcome;

import java.util.List;
import java.util.Map;

import static dev.dialtone.domain.signal.api.CallOutcome.ANSWERED;
import static dev.dialtone.domain.signal.api.CallOutcome.DROPPED;
import static dev.dialtone.domain.signal.api.CallOutcome.MISSED;

/**
 * ElevenLabs Agents' conversation {@code status} and initiation {@code failure_reason} in Dialtone's terms; the
 * tables MAPPINGS.md documents.
 *
 * <p>{@code post_call_transcription} carries the conversation's {@code status} (ElevenLabs docs "Post-call
 * webhooks", GET Conversation): {@code done} is ANSWERED and {@code failed} DROPPED; any other status (a conversation
 * still {@code initiated}, {@code in-progress} or {@code processing} should not reach a post-call webhook) is kept
 * raw and recorded as {@link #DEFAULT_CONVERSATION_OUTCOME}. {@code analysis.call_successful} is deliberately not
 * used: it is the agent's own evaluation of whether the conversation met its goals, not whether the line worked.
 *
 * <p>{@code call_initiation_failure} means the call never connected, so every {@code failure_reason} is MISSED:
 * {@code busy}, {@code no-answer} and {@code unknown} exactly, anything ElevenLabs adds by the one family rule.
 */
public final class ElevenLabsOutcomes {

    public static final CallOutcome DEFAULT_CONVERSATION_OUTCOME = DROPPED;

    private static final ReasonTable CONVERSATION_STATUS = new ReasonTable(Map.of(
            "done", ANSWERED,
            "failed", DROPPED), List.of(), DEFAULT_CONVERSATION_OUTCOME);

    private static final ReasonTable INITIATION_FAILURE = new ReasonTable(Map.of(
            "busy", MISSED,
            "no-answer", MISSED,
            "unknown", MISSED), List.of(
            new FamilyRule("any other initiation failure: the call never connected", MISSED, r -> true)),
            MISSED);

    private ElevenLabsOutcomes() {
    }

    public static ReasonMapping mapConversationStatus(String status) {
        return CONVERSATION_STATUS.map(status);
    }

    public static ReasonMapping mapInitiationFailure(String failureReason) {
        return INITIATION_FAILURE.map(failureReason);
    }

    public static Map<String, CallOutcome> conversationStatusTable() {
        return CONVERSATION_STATUS.exact();
    }

    public static Map<String, CallOutcome> initiationFailureTable() {
        return INITIATION_FAILURE.exact();
    }

    public static List<FamilyRule> initiationFailureFamilyRules() {
        return INITIATION_FAILURE.families();
    }
}
