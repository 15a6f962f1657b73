package dev.dialtone.integrations.voice;

import dev.dialtone.domain.signal.api.CallOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RetellDisconnectionReasonsTest {

    private static final List<String> SDK_ENUM = Samples.lines("retell_disconnection_reason_enum_python-sdk.txt");

    @Test
    void namesEveryDisconnectionReasonOfRetellsSdkInTheTable() {
        assertThat(SDK_ENUM).hasSize(34);
        assertThat(SDK_ENUM)
                .filteredOn(reason -> RetellDisconnectionReasons.map(reason).match() != ReasonMatch.EXACT)
                .isEmpty();
    }

    @Test
    void tableNamesOnlyReasonsRetellActuallySends() {
        assertThat(SDK_ENUM).containsAll(RetellDisconnectionReasons.exactTable().keySet());
    }

    @Test
    void everyErrorButTheUnjoinedWebCallIsADroppedCall() {
        assertThat(SDK_ENUM.stream().filter(reason -> reason.startsWith("error_"))
                .filter(reason -> !reason.equals("error_user_not_joined")))
                .isNotEmpty()
                .allSatisfy(reason -> assertThat(RetellDisconnectionReasons.map(reason).outcome())
                        .isEqualTo(CallOutcome.DROPPED));
    }

    @ParameterizedTest
    @CsvSource({
            "user_hangup,                   ANSWERED",
            "agent_hangup,                  ANSWERED",
            "voicemail_reached,             ANSWERED",
            "manual_stopped,                ANSWERED",
            "call_transfer,                 TRANSFERRED",
            "transfer_bridged,              TRANSFERRED",
            "call_take_over,                TRANSFERRED",
            "transfer_cancelled,            TRANSFER_FAILED",
            "dial_no_answer,                MISSED",
            "sip_routing_error,             MISSED",
            "concurrency_limit_reached,     MISSED",
            "registered_call_timeout,       MISSED",
            "error_llm_websocket_lost_connection, DROPPED",
            "error_asr,                     DROPPED",
            "error_user_not_joined,         ABANDONED"})
    void mapsHowTheCallEndedByTheTable(String reason, CallOutcome outcome) {
        assertThat(RetellDisconnectionReasons.map(reason)).isEqualTo(new ReasonMapping(outcome, ReasonMatch.EXACT));
    }

    @ParameterizedTest
    @CsvSource({
            "error_tts_timeout,              DROPPED",
            "transfer_failed,                TRANSFER_FAILED",
            "warm_transfer_completed,        TRANSFERRED",
            "dial_rejected,                  MISSED",
            "telephony_carrier_blocked,      MISSED",
            "supervisor_hangup,              ANSWERED"})
    void mapsMadeUpFutureReasonsByFamily(String reason, CallOutcome outcome) {
        assertThat(RetellDisconnectionReasons.map(reason)).isEqualTo(new ReasonMapping(outcome, ReasonMatch.FAMILY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"moon_phase_wrong", "USER_HANGUP_BUT_DIFFERENT"})
    @NullAndEmptySource
    void mapsAnUnheardOfReasonToTheDefaultWithoutThrowing(String reason) {
        assertThat(RetellDisconnectionReasons.map(reason))
                .isEqualTo(new ReasonMapping(RetellDisconnectionReasons.DEFAULT_OUTCOME, ReasonMatch.UNKNOWN));
    }
}
