package dev.dialtone.integrations.voice;

import dev.dialtone.domain.signal.api.CallOutcome;

import java.util.List;
import java.util.Map;

import static dev.dialtone.domain.signal.api.CallOutcome.ABANDONED;
import static dev.dialtone.domain.signal.api.CallOutcome.ANSWERED;
import static dev.dialtone.domain.signal.api.CallOutcome.DROPPED;
import static dev.dialtone.domain.signal.api.CallOutcome.MISSED;
import static dev.dialtone.domain.signal.api.CallOutcome.TRANSFERRED;
import static dev.dialtone.domain.signal.api.CallOutcome.TRANSFER_FAILED;
import static dev.dialtone.integrations.voice.ReasonTable.containsAny;
import static dev.dialtone.integrations.voice.ReasonTable.startsWithAny;

/**
 * Retell's {@code disconnection_reason} in Dialtone's terms; the table MAPPINGS.md documents.
 *
 * <p>The table holds every value of the enum in Retell's Python SDK ({@code CallResponse.disconnection_reason}).
 * Normal endings (either side hung up, inactivity, maximum duration, voicemail or IVR reached, a scam detected) are
 * ANSWERED; a transfer that bridged, or a person taking the call over, is TRANSFERRED, a cancelled one
 * TRANSFER_FAILED; a call that never connected (dial failures, telephony and SIP errors, concurrency or payment
 * limits, spam marking, a declined call, an unanswered registered call) is MISSED; an {@code error_*} during the
 * call is DROPPED, except {@code error_user_not_joined} (the web caller never joined: ABANDONED).
 * {@code manual_stopped} (stopped by an operator) is ANSWERED: the agent did answer.
 *
 * <p>Reasons Retell adds later are recognised by family, in this order: {@code error_*} DROPPED; {@code transfer}
 * with {@code fail}/{@code cancel}/{@code error} TRANSFER_FAILED, other {@code transfer} TRANSFERRED;
 * {@code dial_*}, {@code telephony}, {@code sip_}, {@code destination}, {@code concurrency}, {@code payment},
 * {@code spam}, {@code declined} MISSED; {@code *_hangup} ANSWERED. Anything else is kept raw and recorded as
 * {@link #DEFAULT_OUTCOME}.
 */
public final class RetellDisconnectionReasons {

    public static final CallOutcome DEFAULT_OUTCOME = DROPPED;

    private static final Map<String, CallOutcome> EXACT = Map.ofEntries(
            Map.entry("user_hangup", ANSWERED),
            Map.entry("agent_hangup", ANSWERED),
            Map.entry("inactivity", ANSWERED),
            Map.entry("max_duration_reached", ANSWERED),
            Map.entry("voicemail_reached", ANSWERED),
            Map.entry("ivr_reached", ANSWERED),
            Map.entry("scam_detected", ANSWERED),
            Map.entry("manual_stopped", ANSWERED),

            Map.entry("call_transfer", TRANSFERRED),
            Map.entry("transfer_bridged", TRANSFERRED),
            Map.entry("call_take_over", TRANSFERRED),
            Map.entry("transfer_cancelled", TRANSFER_FAILED),

            Map.entry("dial_busy", MISSED),
            Map.entry("dial_failed", MISSED),
            Map.entry("dial_no_answer", MISSED),
            Map.entry("invalid_destination", MISSED),
            Map.entry("telephony_provider_permission_denied", MISSED),
            Map.entry("telephony_provider_unavailable", MISSED),
            Map.entry("sip_routing_error", MISSED),
            Map.entry("marked_as_spam", MISSED),
            Map.entry("user_declined", MISSED),
            Map.entry("concurrency_limit_reached", MISSED),
            Map.entry("no_concurrency_fallback", MISSED),
            Map.entry("no_valid_payment", MISSED),
            Map.entry("registered_call_timeout", MISSED),

            Map.entry("error_llm_websocket_open", DROPPED),
            Map.entry("error_llm_websocket_lost_connection", DROPPED),
            Map.entry("error_llm_websocket_runtime", DROPPED),
            Map.entry("error_llm_websocket_corrupt_payload", DROPPED),
            Map.entry("error_no_audio_received", DROPPED),
            Map.entry("error_asr", DROPPED),
            Map.entry("error_retell", DROPPED),
            Map.entry("error_unknown", DROPPED),
            Map.entry("error_user_not_joined", ABANDONED));

    private static final List<FamilyRule> FAMILIES = List.of(
            new FamilyRule("error during the call: `error_*`", DROPPED, r -> r.startsWith("error_")),
            new FamilyRule("transfer that failed: `transfer` with fail, cancel or error", TRANSFER_FAILED,
                    r -> r.contains("transfer") && containsAny(r, "fail", "cancel", "error")),
            new FamilyRule("transfer: `transfer`", TRANSFERRED, r -> r.contains("transfer")),
            new FamilyRule("never connected: `dial_*`, `telephony`, `sip_`, `destination`, `concurrency`, "
                    + "`payment`, `spam`, `declined`", MISSED,
                    r -> startsWithAny(r, "dial_") || containsAny(r, "telephony", "sip_", "destination",
                            "concurrency", "payment", "spam", "declined")),
            new FamilyRule("normal ending: `*_hangup`", ANSWERED, r -> r.endsWith("_hangup")));

    private static final ReasonTable TABLE = new ReasonTable(EXACT, FAMILIES, DEFAULT_OUTCOME);

    private RetellDisconnectionReasons() {
    }

    /** Never throws: a null, blank or unheard-of reason maps to {@link #DEFAULT_OUTCOME} as UNKNOWN. */
    public static ReasonMapping map(String disconnectionReason) {
        return TABLE.map(disconnectionReason);
    }

    public static Map<String, CallOutcome> exactTable() {
        return TABLE.exact();
    }

    public static List<FamilyRule> familyRules() {
        return TABLE.families();
    }
}
