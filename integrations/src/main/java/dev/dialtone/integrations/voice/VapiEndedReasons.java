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
 * Vapi's {@code endedReason} in Dialtone's terms; the table MAPPINGS.md documents.
 *
 * <p>The values are the {@code endedReason} enum of Vapi's OpenAPI specification (about 600, most of them one
 * provider failure spelled per provider and per HTTP status). The table names the ~80 that describe how a call ended
 * rather than which provider broke; the rest are recognised by family, checked in this order:
 * <ol>
 *   <li>start errors ({@code call.start.*}, {@code call-start-*}, {@code assistant-request-*},
 *       {@code assistant-not-*}): the agent never came on the line, MISSED;</li>
 *   <li>transfer or forwarding with a failure word (fail, error, busy, no-answer, timeout, cancel, declin,
 *       reject, unavailable): TRANSFER_FAILED;
 *       other transfer or forwarding reasons: TRANSFERRED;</li>
 *   <li>never connected ({@code outbound-sip-*}, {@code failed-to-connect}, {@code never-connected},
 *       {@code worker-not-available}, {@code no-call-received}): MISSED;</li>
 *   <li>{@code pipeline-error-*}, {@code *-vapifault-*}, {@code *-providerfault-*} and any other {@code error}: the
 *       LLM, transcriber, voice or Vapi itself failed during the call, DROPPED;</li>
 *   <li>normal endings ({@code customer-ended-call*}, {@code assistant-ended-call*}, {@code assistant-said-*},
 *       {@code hangup}, {@code completed}, {@code silence-timed-out}, {@code max-duration}, {@code voicemail}):
 *       ANSWERED;</li>
 *   <li>callee not reached ({@code busy}, {@code did-not-answer}, {@code no-answer}, {@code rejected},
 *       {@code declined}, {@code misdialed}): MISSED;</li>
 *   <li>cancelled or deleted before connecting ({@code cancel}, {@code deleted}, {@code before-call-connect}):
 *       ABANDONED.</li>
 * </ol>
 * Anything else is kept raw and recorded as {@link #DEFAULT_OUTCOME}: a new way for a call to end is more often a
 * new failure than a new success, and the UNKNOWN count shows when this table needs a line.
 *
 * <p>Voicemail counts as a normal ending (the agent did its job; the callee's machine answered), and web calls are
 * outbound for the SLI (see {@link VapiServerMessage}), so neither moves the inbound call-success SLI.
 */
public final class VapiEndedReasons {

    public static final CallOutcome DEFAULT_OUTCOME = DROPPED;

    private static final Map<String, CallOutcome> EXACT = Map.ofEntries(
            // Normal endings: someone decided the conversation was over.
            Map.entry("assistant-ended-call", ANSWERED),
            Map.entry("assistant-said-end-call-phrase", ANSWERED),
            Map.entry("assistant-ended-call-with-hangup-task", ANSWERED),
            Map.entry("assistant-ended-call-after-message-spoken", ANSWERED),
            Map.entry("customer-ended-call", ANSWERED),
            Map.entry("customer-ended-call-before-warm-transfer", ANSWERED),
            Map.entry("silence-timed-out", ANSWERED),
            Map.entry("exceeded-max-duration", ANSWERED),
            Map.entry("voicemail", ANSWERED),
            Map.entry("call.in-progress.twilio-completed-call", ANSWERED),
            Map.entry("call.in-progress.sip-completed-call", ANSWERED),
            Map.entry("vonage-completed", ANSWERED),
            Map.entry("call.ringing.hook-executed-say", ANSWERED),
            Map.entry("call.ending.hook-executed-say", ANSWERED),

            // Handed to a person or another number, as configured.
            Map.entry("assistant-forwarded-call", TRANSFERRED),
            Map.entry("assistant-request-returned-forwarding-phone-number", TRANSFERRED),
            Map.entry("call.ringing.hook-executed-transfer", TRANSFERRED),
            Map.entry("call.ending.hook-executed-transfer", TRANSFERRED),

            // The transfer did not connect the caller to anyone.
            Map.entry("call.in-progress.error-transfer-failed", TRANSFER_FAILED),
            Map.entry("call.in-progress.error-warm-transfer-max-duration", TRANSFER_FAILED),
            Map.entry("call.in-progress.error-warm-transfer-assistant-cancelled", TRANSFER_FAILED),
            Map.entry("call.in-progress.error-warm-transfer-silence-timeout", TRANSFER_FAILED),
            Map.entry("call.in-progress.error-warm-transfer-microphone-timeout", TRANSFER_FAILED),
            Map.entry("call.forwarding.operator-busy", TRANSFER_FAILED),
            Map.entry("call.forwarding.no-answer", TRANSFER_FAILED),
            Map.entry("customer-ended-call-after-warm-transfer-attempt", TRANSFER_FAILED),
            Map.entry("customer-ended-call-during-transfer", TRANSFER_FAILED),

            // The callee was not reached (outbound) or the call never reached the agent (inbound).
            Map.entry("customer-busy", MISSED),
            Map.entry("customer-did-not-answer", MISSED),
            Map.entry("twilio-failed-to-connect-call", MISSED),
            Map.entry("twilio-reported-customer-misdialed", MISSED),
            Map.entry("vonage-failed-to-connect-call", MISSED),
            Map.entry("vonage-rejected", MISSED),
            Map.entry("phone-call-provider-bypass-enabled-but-no-call-received", MISSED),
            Map.entry("assistant-join-timed-out", MISSED),
            Map.entry("call.in-progress.error-sip-inbound-call-failed-to-connect", MISSED),
            Map.entry("call.ringing.error-sip-inbound-call-failed-to-connect", MISSED),
            Map.entry("call.in-progress.error-sip-outbound-call-failed-to-connect", MISSED),
            Map.entry("call.in-progress.error-providerfault-outbound-sip-403-forbidden", MISSED),
            Map.entry("call.in-progress.error-providerfault-outbound-sip-407-proxy-authentication-required", MISSED),
            Map.entry("call.in-progress.error-providerfault-outbound-sip-408-request-timeout", MISSED),
            Map.entry("call.in-progress.error-providerfault-outbound-sip-480-temporarily-unavailable", MISSED),
            Map.entry("call.in-progress.error-providerfault-outbound-sip-503-service-unavailable", MISSED),
            Map.entry("call.in-progress.error-providerfault-transport-never-connected", MISSED),
            Map.entry("call.in-progress.error-vapifault-transport-never-connected", MISSED),
            Map.entry("call.in-progress.error-vapifault-worker-not-available", MISSED),

            // Start errors: configuration, the assistant-request server or the account stopped the call before
            // the agent spoke.
            Map.entry("call-start-error-neither-assistant-nor-server-set", MISSED),
            Map.entry("assistant-request-failed", MISSED),
            Map.entry("assistant-request-returned-error", MISSED),
            Map.entry("assistant-request-returned-unspeakable-error", MISSED),
            Map.entry("assistant-request-returned-invalid-assistant", MISSED),
            Map.entry("assistant-request-returned-no-assistant", MISSED),
            Map.entry("assistant-not-valid", MISSED),
            Map.entry("assistant-not-found", MISSED),
            Map.entry("call.start.assistant-version-error-validation", MISSED),
            Map.entry("call.start.error-vapifault-get-org", MISSED),
            Map.entry("call.start.error-vapifault-get-subscription", MISSED),
            Map.entry("call.start.error-vapifault-database-error", MISSED),
            Map.entry("call.start.error-get-assistant", MISSED),
            Map.entry("call.start.error-get-phone-number", MISSED),
            Map.entry("call.start.error-get-customer", MISSED),
            Map.entry("call.start.error-get-resources-validation", MISSED),
            Map.entry("call.start.error-get-transport", MISSED),
            Map.entry("call.start.error-vapi-number-international", MISSED),
            Map.entry("call.start.error-vapi-number-outbound-daily-limit", MISSED),
            Map.entry("call.start.error-subscription-wallet-does-not-exist", MISSED),
            Map.entry("call.start.error-fraud-check-failed", MISSED),
            Map.entry("call.start.error-subscription-frozen", MISSED),
            Map.entry("call.start.error-subscription-insufficient-credits", MISSED),
            Map.entry("call.start.error-subscription-upgrade-failed", MISSED),
            Map.entry("call.start.error-subscription-concurrency-limit-reached", MISSED),
            Map.entry("call.start.error-enterprise-feature-not-available-recording-consent", MISSED),

            // Connected, then lost: the transport, the worker or the caller's audio went away.
            Map.entry("worker-shutdown", DROPPED),
            Map.entry("vonage-disconnected", DROPPED),
            Map.entry("phone-call-provider-closed-websocket", DROPPED),
            Map.entry("call.in-progress.error-vapifault-transport-connected-but-call-not-active", DROPPED),
            Map.entry("call.in-progress.error-vapifault-call-started-but-connection-to-transport-missing", DROPPED),
            Map.entry("call.in-progress.error-vapifault-worker-died", DROPPED),
            Map.entry("call.in-progress.error-vapifault-chat-pipeline-failed-to-start", DROPPED),
            Map.entry("call.in-progress.error-assistant-did-not-receive-customer-audio", DROPPED),
            Map.entry("call.in-progress.error-pipeline-no-available-llm-model", DROPPED),
            Map.entry("call.in-progress.error-pipeline-ws-model-connection-failed", DROPPED),

            // Nobody was let down by the agent: the caller left before it answered, or the call was withdrawn.
            Map.entry("call.ringing.sip-inbound-caller-hungup-before-call-connect", ABANDONED),
            Map.entry("customer-did-not-give-microphone-permission", ABANDONED),
            Map.entry("manually-canceled", ABANDONED),
            Map.entry("scheduled-call-deleted", ABANDONED),
            Map.entry("call-deleted", ABANDONED));

    private static final List<FamilyRule> FAMILIES = List.of(
            new FamilyRule("start error: `call.start.*`, `call-start-*`, `assistant-request-*`, `assistant-not-*`",
                    MISSED, r -> startsWithAny(r, "call.start.", "call-start-", "assistant-request-", "assistant-not-")),
            new FamilyRule("transfer or forwarding that failed: `transfer`/`forward` with fail, error, busy, "
                    + "no-answer, timeout, cancel, declin, reject or unavailable", TRANSFER_FAILED,
                    r -> containsAny(r, "transfer", "forward") && containsAny(r, "fail", "error", "busy",
                            "no-answer", "timeout", "cancel", "declin", "reject", "unavailable")),
            new FamilyRule("transfer or forwarding: `transfer`, `forward`", TRANSFERRED,
                    r -> containsAny(r, "transfer", "forward")),
            new FamilyRule("never connected: `outbound-sip-`, `failed-to-connect`, `never-connected`, "
                    + "`worker-not-available`, `no-call-received`", MISSED,
                    r -> containsAny(r, "outbound-sip-", "failed-to-connect", "never-connected",
                            "worker-not-available", "no-call-received")),
            new FamilyRule("provider failure in the pipeline: `pipeline-error-*`", DROPPED,
                    r -> r.startsWith("pipeline-error-")),
            new FamilyRule("Vapi's fault during the call: `*-vapifault-*`", DROPPED,
                    r -> r.contains("-vapifault-")),
            new FamilyRule("provider's fault during the call: `*-providerfault-*`", DROPPED,
                    r -> r.contains("-providerfault-")),
            new FamilyRule("any other error: `error`", DROPPED,
                    r -> r.contains("error")),
            new FamilyRule("normal ending: `customer-ended-call*`, `assistant-ended-call*`, `assistant-said-*`, "
                    + "`hangup`, `completed`, `silence-timed-out`, `max-duration`, `voicemail`", ANSWERED,
                    r -> startsWithAny(r, "customer-ended-call", "assistant-ended-call", "assistant-said-")
                            || containsAny(r, "hangup", "completed", "silence-timed-out", "max-duration",
                            "voicemail")),
            new FamilyRule("callee not reached: `busy`, `did-not-answer`, `no-answer`, `rejected`, `declined`, "
                    + "`misdialed`", MISSED,
                    r -> containsAny(r, "busy", "did-not-answer", "no-answer", "rejected", "declined", "misdialed")),
            new FamilyRule("withdrawn before connecting: `cancel`, `deleted`, `before-call-connect`", ABANDONED,
                    r -> containsAny(r, "cancel", "deleted", "before-call-connect")));

    private static final ReasonTable TABLE = new ReasonTable(EXACT, FAMILIES, DEFAULT_OUTCOME);

    private VapiEndedReasons() {
    }

    /** Never throws: a null, blank or unheard-of reason maps to {@link #DEFAULT_OUTCOME} as UNKNOWN. */
    public static ReasonMapping map(String endedReason) {
        return TABLE.map(endedReason);
    }

    public static Map<String, CallOutcome> exactTable() {
        return TABLE.exact();
    }

    /** The family rules in the order they are tried. */
    public static List<FamilyRule> familyRules() {
        return TABLE.families();
    }
}
