package dev.dialtone.domain.incident;

import dev.dialtone.domain.incident.api.Evidence;
import dev.dialtone.domain.incident.api.IncidentKind;
import dev.dialtone.domain.signal.api.SignalKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.dialtone.domain.incident.api.IncidentKind.BUDGET_BURN;
import static dev.dialtone.domain.incident.api.IncidentKind.DEGRADED;
import static dev.dialtone.domain.incident.api.IncidentKind.OUTAGE;
import static dev.dialtone.domain.incident.api.IncidentKind.SILENCE;
import static org.assertj.core.api.Assertions.assertThat;

class RunbookChoiceTest {

    /** The runbooks module ships these (its own test checks the files); a choice outside them would be a 404. */
    private static final List<String> RUNBOOKS = List.of("outage", "degraded", "silence", "budget-burn",
            "llm-provider", "telephony-carrier", "transfer-failures", "speech", "no-traffic");
    private static final Instant AT = Instant.parse("2026-11-25T03:12:00Z");

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            // Vapi endedReason
            "DROPPED,         pipeline-error-openai-llm-failed,                                   llm-provider",
            "DROPPED,         pipeline-error-openai-429-rate-limit-reached,                       llm-provider",
            "DROPPED,         pipeline-error-anthropic-503-server-overloaded-error,               llm-provider",
            "DROPPED,         pipeline-error-azure-openai-403-model-access-denied,                llm-provider",
            "DROPPED,         pipeline-error-together-ai-401-unauthorized,                        llm-provider",
            "DROPPED,         call.in-progress.error-providerfault-groq-llm-failed,               llm-provider",
            "DROPPED,         call.in-progress.error-vapifault-vapi-401-unauthorized,             llm-provider",
            "DROPPED,         call.in-progress.error-providerfault-vapi-500-server-error,         llm-provider",
            "DROPPED,         call.in-progress.error-pipeline-no-available-llm-model,             llm-provider",
            "DROPPED,         call.in-progress.error-pipeline-ws-model-connection-failed,         llm-provider",
            "DROPPED,         pipeline-error-deepgram-transcriber-failed,                         speech",
            "DROPPED,         pipeline-error-deepgram-returning-502-network-error,                speech",
            "DROPPED,         pipeline-error-eleven-labs-voice-not-found,                         speech",
            "DROPPED,         pipeline-error-azure-speech-transcriber-failed,                     speech",
            "DROPPED,         call.in-progress.error-vapifault-cartesia-socket-hang-up,           speech",
            "DROPPED,         pipeline-error-assembly-ai-returning-401-invalid-credentials,       speech",
            "DROPPED,         call.in-progress.error-assistant-did-not-receive-customer-audio,    speech",
            "TRANSFER_FAILED, call.in-progress.error-transfer-failed,                             transfer-failures",
            "TRANSFER_FAILED, call.in-progress.error-warm-transfer-microphone-timeout,            transfer-failures",
            "TRANSFER_FAILED, customer-ended-call-during-transfer,                                transfer-failures",
            "MISSED,          twilio-failed-to-connect-call,                                      telephony-carrier",
            "MISSED,          call.ringing.error-sip-inbound-call-failed-to-connect,              telephony-carrier",
            "MISSED,          call.in-progress.error-providerfault-outbound-sip-480-temporarily-unavailable, "
                    + "telephony-carrier",
            "MISSED,          call.in-progress.error-providerfault-transport-never-connected,     telephony-carrier",
            "MISSED,          call.start.error-get-phone-number,                                  telephony-carrier",
            "MISSED,          vonage-rejected,                                                    telephony-carrier",
            "DROPPED,         phone-call-provider-closed-websocket,                               telephony-carrier",
            "MISSED,          phone-call-provider-bypass-enabled-but-no-call-received,            no-traffic",
            "MISSED,          call-start-error-neither-assistant-nor-server-set,                  no-traffic",
            // Retell disconnection_reason
            "DROPPED,         error_llm_websocket_lost_connection,                                llm-provider",
            "DROPPED,         error_asr,                                                          speech",
            "DROPPED,         error_no_audio_received,                                            speech",
            "TRANSFER_FAILED, transfer_cancelled,                                                 transfer-failures",
            "MISSED,          dial_failed,                                                        telephony-carrier",
            "MISSED,          dial_no_answer,                                                     telephony-carrier",
            "MISSED,          telephony_provider_unavailable,                                     telephony-carrier",
            "MISSED,          sip_routing_error,                                                  telephony-carrier",
            "MISSED,          invalid_destination,                                                telephony-carrier",
            // Twilio CallStatus, ElevenLabs initiation failure_reason
            "MISSED,          busy,                                                               telephony-carrier",
            "MISSED,          no-answer,                                                          telephony-carrier",
    })
    void aBadCallsReasonNamesItsFamily(String outcome, String reason, String runbook) {
        assertThat(RunbookChoice.runbookId(OUTAGE, List.of(call(outcome, reason)))).isEqualTo(runbook);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // a transfer the carrier refused is still a transfer: the person never got the caller
            "call.forwarding.operator-busy,                                   transfer-failures",
            "call.forwarding.no-answer,                                       transfer-failures",
            // a speech vendor's model, quota, rate limit or busy system is a speech problem
            "pipeline-error-deepgram-returning-403-model-access-denied,        speech",
            "pipeline-error-eleven-labs-unauthorized-to-access-model,          speech",
            "pipeline-error-playht-429-exceeded-quota,                         speech",
            "pipeline-error-soniox-transcriber-rate-limited,                   speech",
            "pipeline-error-eleven-labs-system-busy-and-requested-upgrade,     speech",
            "pipeline-error-openai-voice-failed,                               speech",
            "pipeline-error-openai-transcriber-failed,                         speech",
            "pipeline-error-google-transcriber-failed,                         speech",
            "pipeline-error-google-llm-failed,                                 llm-provider",
    })
    void ruleOrderSettlesReasonsThatNameTwoFamilies(String reason, String runbook) {
        assertThat(RunbookChoice.runbookId(DEGRADED, List.of(call("DROPPED", reason)))).isEqualTo(runbook);
    }

    @Test
    void aTransferFailureNeedsNoReason() {
        assertThat(RunbookChoice.runbookId(DEGRADED, List.of(call("TRANSFER_FAILED", null))))
                .isEqualTo("transfer-failures");
    }

    @Test
    void matchingIgnoresCaseAndFindsKeywordsInFreeText() {
        assertThat(RunbookChoice.runbookId(OUTAGE, List.of(call("DROPPED", "failed: LLM request timed out"))))
                .isEqualTo("llm-provider");
        assertThat(RunbookChoice.runbookId(OUTAGE, List.of(call("DROPPED", "Twilio-Failed-To-Connect-Call"))))
                .isEqualTo("telephony-carrier");
        assertThat(RunbookChoice.runbookId(OUTAGE, List.of(call("DROPPED", "failed: the number is not in service"))))
                .isEqualTo("no-traffic");
    }

    @Test
    void aKeywordMustStartAWord() {
        assertThat(RunbookChoice.runbookId(OUTAGE, List.of(call("DROPPED", "failed: gossip in the pipeline"))))
                .isEqualTo("outage");
    }

    @Test
    void readsTheReasonAfterAColonToo() {
        Evidence colon = new Evidence("c1", SignalKind.CALL, AT,
                "inbound call DROPPED: pipeline-error-openai-llm-failed");

        assertThat(RunbookChoice.runbookId(OUTAGE, List.of(colon))).isEqualTo("llm-provider");
    }

    @ParameterizedTest
    @ValueSource(strings = {"worker-shutdown", "call.in-progress.error-vapifault-worker-died",
            "assistant-request-failed", "call.start.error-subscription-insufficient-credits", "error_retell",
            "error_unknown", "concurrency_limit_reached", "failed"})
    void reasonsOfNoFamilyLeaveTheKindsOwnRunbook(String reason) {
        assertThat(RunbookChoice.runbookId(OUTAGE, List.of(call("DROPPED", reason)))).isEqualTo("outage");
        assertThat(RunbookChoice.runbookId(BUDGET_BURN, List.of(call("MISSED", reason)))).isEqualTo("budget-burn");
    }

    @Test
    void aProbeIsJudgedByWhatItSawNotByItsName() {
        assertThat(RunbookChoice.runbookId(OUTAGE, List.of(check("sip-options DOWN: timeout (5000 ms)"))))
                .isEqualTo("outage");
        assertThat(RunbookChoice.runbookId(OUTAGE, List.of(check("sip-options DOWN"))))
                .isEqualTo("outage");
        assertThat(RunbookChoice.runbookId(OUTAGE, List.of(check("https DOWN: SIP 503 from the trunk (120 ms)"))))
                .isEqualTo("telephony-carrier");
    }

    @Test
    void onlyFailuresCount() {
        List<Evidence> noFailure = List.of(
                new Evidence("c1", SignalKind.CALL, AT, "inbound call TRANSFERRED"),
                new Evidence("c2", SignalKind.CALL, AT, "inbound call ANSWERED"),
                check("sip-options UP (40 ms)"),
                check("vapi-hang DEGRADED: assistant hanging on a delay (slow model, voice or tool response)"),
                new Evidence("f1", SignalKind.FAILOVER_ACTION, AT,
                        "failover ACTIVATED to +14155550199 by twilio-studio"),
                new Evidence(null, SignalKind.CALL, AT, "call-success burn rate 15.0x over 1 h, 16.2x over 5 min "
                        + "(target 95.0%)"));

        assertThat(RunbookChoice.runbookId(DEGRADED, noFailure)).isEqualTo("degraded");
    }

    @Test
    void theFamilyWithTheMostEvidenceWins() {
        List<Evidence> evidence = List.of(
                call("DROPPED", "pipeline-error-openai-llm-failed"),
                call("MISSED", "twilio-failed-to-connect-call"),
                call("DROPPED", "pipeline-error-openai-500-server-error"),
                call("MISSED", "twilio-failed-to-connect-call"),
                call("DROPPED", "worker-shutdown"),
                call("MISSED", "twilio-failed-to-connect-call"));

        assertThat(RunbookChoice.runbookId(OUTAGE, evidence)).isEqualTo("telephony-carrier");
    }

    @Test
    void aTieGoesToTheFamilySeenFirst() {
        Evidence speech = call("DROPPED", "pipeline-error-deepgram-transcriber-failed");
        Evidence llm = call("DROPPED", "pipeline-error-openai-llm-failed");

        assertThat(RunbookChoice.runbookId(OUTAGE, List.of(speech, llm, llm, speech))).isEqualTo("speech");
        assertThat(RunbookChoice.runbookId(OUTAGE, List.of(llm, speech, speech, llm))).isEqualTo("llm-provider");
    }

    @Test
    void silenceAlwaysGetsTheSilenceRunbook() {
        List<Evidence> evidence = List.of(call("DROPPED", "pipeline-error-openai-llm-failed"),
                new Evidence(null, null, AT, "no call and no passing health check since 2026-11-25T02:40:00Z "
                        + "(PT30M of business hours)"));

        assertThat(RunbookChoice.runbookId(SILENCE, evidence)).isEqualTo("silence");
    }

    @ParameterizedTest
    @EnumSource(IncidentKind.class)
    void withoutEvidenceEachKindGetsItsOwnRunbook(IncidentKind kind) {
        assertThat(RunbookChoice.runbookId(kind, List.of())).isEqualTo(kind.runbookId());
        assertThat(RunbookChoice.runbookId(kind, null)).isEqualTo(kind.runbookId());
    }

    @Test
    void everyRunbookItCanChooseIsShipped() {
        List<String> choosable = new ArrayList<>(RunbookChoice.FAMILIES.stream().map(RunbookChoice.Family::runbookId)
                .toList());
        Arrays.stream(IncidentKind.values()).map(IncidentKind::runbookId).forEach(choosable::add);

        assertThat(choosable).isSubsetOf(RUNBOOKS);
        assertThat(RunbookChoice.FAMILIES).extracting(RunbookChoice.Family::runbookId).doesNotHaveDuplicates();
    }

    /** As {@code AgentMonitor} writes a bad inbound call. */
    private static Evidence call(String outcome, String reason) {
        return new Evidence("call-" + reason, SignalKind.CALL, AT,
                "inbound call " + outcome + (reason == null ? "" : " (" + reason + ")"));
    }

    private static Evidence check(String summary) {
        return new Evidence("check-" + summary.hashCode(), SignalKind.HEALTH_CHECK, AT, summary);
    }
}
