package dev.dialtone.integrations.voice;

import dev.dialtone.domain.signal.api.CallOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class VapiEndedReasonsTest {

    private static final List<String> OPENAPI_ENUM = Samples.lines("vapi_endedReason_enum_openapi.txt");

    @Test
    void recognisesEveryEndedReasonInVapisOpenApi() {
        assertThat(OPENAPI_ENUM).hasSizeGreaterThan(500);
        assertThat(OPENAPI_ENUM)
                .filteredOn(reason -> VapiEndedReasons.map(reason).match() == ReasonMatch.UNKNOWN)
                .isEmpty();
    }

    @Test
    void tableNamesOnlyReasonsVapiActuallySends() {
        assertThat(OPENAPI_ENUM).containsAll(VapiEndedReasons.exactTable().keySet());
    }

    @Test
    void everyPipelineErrorIsADroppedCall() {
        assertFamilyOutcome(reason -> reason.startsWith("pipeline-error-"), CallOutcome.DROPPED);
    }

    @Test
    void everyFaultDuringTheCallIsADroppedCallUnlessItNeverConnected() {
        assertFamilyOutcome(reason -> reason.startsWith("call.in-progress.error-")
                        && (reason.contains("-vapifault-") || reason.contains("-providerfault-"))
                        && !reason.contains("outbound-sip-") && !reason.contains("never-connected")
                        && !reason.contains("worker-not-available"),
                CallOutcome.DROPPED);
    }

    @Test
    void everyStartErrorIsAMissedCall() {
        assertFamilyOutcome(reason -> reason.startsWith("call.start.") || reason.startsWith("call-start-")
                || reason.startsWith("assistant-request-") && !reason.contains("forwarding"), CallOutcome.MISSED);
    }

    @Test
    void everyOutboundSipRefusalIsAMissedCallNotADroppedOne() {
        assertFamilyOutcome(reason -> reason.contains("outbound-sip-"), CallOutcome.MISSED);
    }

    @Test
    void everyWarmTransferErrorIsAFailedTransfer() {
        assertFamilyOutcome(reason -> reason.contains("warm-transfer-"), CallOutcome.TRANSFER_FAILED);
    }

    private static void assertFamilyOutcome(Predicate<String> family, CallOutcome expected) {
        List<String> members = OPENAPI_ENUM.stream().filter(family).toList();
        assertThat(members).isNotEmpty();
        assertThat(members).filteredOn(reason -> VapiEndedReasons.map(reason).outcome() != expected).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "customer-ended-call,                                         ANSWERED",
            "assistant-said-end-call-phrase,                              ANSWERED",
            "silence-timed-out,                                           ANSWERED",
            "exceeded-max-duration,                                       ANSWERED",
            "voicemail,                                                   ANSWERED",
            "assistant-forwarded-call,                                    TRANSFERRED",
            "call.ending.hook-executed-transfer,                          TRANSFERRED",
            "call.in-progress.error-transfer-failed,                      TRANSFER_FAILED",
            "call.forwarding.operator-busy,                               TRANSFER_FAILED",
            "customer-busy,                                               MISSED",
            "customer-did-not-answer,                                     MISSED",
            "twilio-failed-to-connect-call,                               MISSED",
            "call.start.error-subscription-insufficient-credits,          MISSED",
            "assistant-request-returned-error,                            MISSED",
            "call.in-progress.error-vapifault-transport-never-connected,  MISSED",
            "worker-shutdown,                                             DROPPED",
            "phone-call-provider-closed-websocket,                        DROPPED",
            "call.in-progress.error-assistant-did-not-receive-customer-audio, DROPPED",
            "call.ringing.sip-inbound-caller-hungup-before-call-connect,  ABANDONED",
            "manually-canceled,                                           ABANDONED"})
    void mapsHowTheCallEndedByTheTable(String reason, CallOutcome outcome) {
        assertThat(VapiEndedReasons.map(reason)).isEqualTo(new ReasonMapping(outcome, ReasonMatch.EXACT));
    }

    @ParameterizedTest
    @CsvSource({
            "pipeline-error-openai-llm-failed,                               DROPPED",
            "call.in-progress.error-vapifault-deepgram-transcriber-failed,   DROPPED",
            "call.in-progress.error-providerfault-anthropic-500-server-error, DROPPED",
            // "busy" here is ElevenLabs' system, not the callee: a voice failure, not a missed call.
            "pipeline-error-eleven-labs-system-busy-and-requested-upgrade,   DROPPED"})
    void mapsProviderFailuresByFamily(String reason, CallOutcome outcome) {
        assertThat(VapiEndedReasons.map(reason)).isEqualTo(new ReasonMapping(outcome, ReasonMatch.FAMILY));
    }

    @ParameterizedTest
    @CsvSource({
            "pipeline-error-acme-tts-voice-failed,                    DROPPED",
            "call.in-progress.error-vapifault-acme-llm-failed,        DROPPED",
            "call.in-progress.error-providerfault-acme-502-bad-gateway, DROPPED",
            "call.start.error-acme-quota-exhausted,                   MISSED",
            "call.in-progress.error-warm-transfer-acme-timeout,       TRANSFER_FAILED",
            "call.forwarding.acme-declined,                           TRANSFER_FAILED",
            "assistant-transferred-call-to-acme,                      TRANSFERRED",
            "call.in-progress.error-providerfault-outbound-sip-486-busy-here, MISSED",
            "customer-ended-call-while-on-hold,                       ANSWERED",
            "hangup,                                                  ANSWERED",
            "vonage-customer-did-not-answer,                          MISSED",
            "call.queued.caller-hungup-before-call-connect,           ABANDONED"})
    void mapsMadeUpFutureReasonsByFamily(String reason, CallOutcome outcome) {
        assertThat(VapiEndedReasons.map(reason)).isEqualTo(new ReasonMapping(outcome, ReasonMatch.FAMILY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"quantum-entanglement-collapsed", "🙂", "call.in-progress.something-new"})
    @NullAndEmptySource
    void mapsAnUnheardOfReasonToTheDefaultWithoutThrowing(String reason) {
        assertThat(VapiEndedReasons.map(reason))
                .isEqualTo(new ReasonMapping(VapiEndedReasons.DEFAULT_OUTCOME, ReasonMatch.UNKNOWN));
    }

    @Test
    void mapsAHugeReasonWithoutThrowing() {
        assertThat(VapiEndedReasons.map("x".repeat(100_000)).match()).isEqualTo(ReasonMatch.UNKNOWN);
    }

    @Test
    void forgivesCaseAndSurroundingWhitespace() {
        assertThat(VapiEndedReasons.map("  Customer-Ended-Call\n"))
                .isEqualTo(new ReasonMapping(CallOutcome.ANSWERED, ReasonMatch.EXACT));
    }
}
