package dev.dialtone.integrations.voice;

import dev.dialtone.domain.agent.api.VoicePlatform;

import dev.dialtone.domain.signal.api.CallDirection;
import dev.dialtone.domain.signal.api.CallOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwilioStatusCallbackTest {

    private static final Instant RECEIVED = Instant.parse("2026-01-05T10:00:00Z");

    private static Map<String, String> callback(String status, String direction) {
        Map<String, String> params = new HashMap<>();
        params.put("CallSid", "CA0000000000000000000000000000001");
        params.put("CallStatus", status);
        if (direction != null) {
            params.put("Direction", direction);
        }
        return params;
    }

    @Test
    void readsTheDocumentedBusyCallbackAsAMissedOutboundCall() {
        Map<String, String> form = Samples.form(Samples.text("twilio_status-callback_busy_from-elevenlabs-doc.form.txt"));

        PlatformCall call = TwilioStatusCallback.parse(form, RECEIVED).orElseThrow();

        assertThat(call.platform()).isEqualTo(VoicePlatform.TWILIO);
        assertThat(call.sourceId()).isEqualTo("CA8367245817625617832576245724:busy");
        assertThat(call.callId()).isEqualTo("CA8367245817625617832576245724");
        assertThat(call.direction()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(call.outcome()).isEqualTo(CallOutcome.MISSED);
        assertThat(call.occurredAt()).isEqualTo(Instant.parse("2025-10-08T13:54:12Z"));
        assertThat(call.durationSeconds()).isEqualTo(0.0);
        assertThat(call.rawReason()).isEqualTo("busy");
        assertThat(call.match()).isEqualTo(ReasonMatch.EXACT);
        assertThat(call.sequenceNumber()).isEqualTo(2L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"queued", "initiated", "ringing", "in-progress"})
    void progressCallbacksRecordNoCall(String status) {
        assertThat(TwilioStatusCallback.parse(callback(status, "inbound"), RECEIVED)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "completed, inbound,       ANSWERED,  INBOUND",
            "busy,      inbound,       MISSED,    INBOUND",
            "no-answer, inbound,       MISSED,    INBOUND",
            "failed,    inbound,       MISSED,    INBOUND",
            "canceled,  inbound,       ABANDONED, INBOUND",
            "completed, outbound-api,  ANSWERED,  OUTBOUND",
            "no-answer, outbound-dial, MISSED,    OUTBOUND",
            "canceled,  outbound-api,  ABANDONED, OUTBOUND",
            "completed, trunking-originating, ANSWERED, INBOUND",
            "failed,    trunking-terminating, MISSED,   OUTBOUND"})
    void terminalStatusesMapByTheTable(String status, String direction, CallOutcome outcome, CallDirection expected) {
        PlatformCall call = TwilioStatusCallback.parse(callback(status, direction), RECEIVED).orElseThrow();

        assertThat(call.outcome()).isEqualTo(outcome);
        assertThat(call.direction()).isEqualTo(expected);
        assertThat(call.match()).isEqualTo(ReasonMatch.EXACT);
    }

    @Test
    void aCallbackWithoutDirectionCountsAsInbound() {
        assertThat(TwilioStatusCallback.parse(callback("completed", null), RECEIVED).orElseThrow().direction())
                .isEqualTo(CallDirection.INBOUND);
    }

    @Test
    void aRepeatedCallbackHasTheSameSourceIdAndAnotherStatusAnother() {
        String first = TwilioStatusCallback.parse(callback("completed", "inbound"), RECEIVED).orElseThrow().sourceId();
        String again = TwilioStatusCallback.parse(callback("completed", "inbound"), RECEIVED.plusSeconds(30))
                .orElseThrow().sourceId();
        String other = TwilioStatusCallback.parse(callback("canceled", "inbound"), RECEIVED).orElseThrow().sourceId();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void usesTheReceiptTimeWhenTimestampIsMissingOrUnreadable() {
        Map<String, String> params = callback("completed", "inbound");
        assertThat(TwilioStatusCallback.parse(params, RECEIVED).orElseThrow().occurredAt()).isEqualTo(RECEIVED);

        params.put("Timestamp", "yesterday-ish");
        assertThat(TwilioStatusCallback.parse(params, RECEIVED).orElseThrow().occurredAt()).isEqualTo(RECEIVED);
    }

    @Test
    void takesCallDurationAndFallsBackToDuration() {
        Map<String, String> params = callback("completed", "inbound");
        params.put("CallDuration", "41");
        params.put("Duration", "1");
        assertThat(TwilioStatusCallback.parse(params, RECEIVED).orElseThrow().durationSeconds()).isEqualTo(41.0);

        params.remove("CallDuration");
        assertThat(TwilioStatusCallback.parse(params, RECEIVED).orElseThrow().durationSeconds()).isEqualTo(1.0);

        params.remove("Duration");
        assertThat(TwilioStatusCallback.parse(params, RECEIVED).orElseThrow().durationSeconds()).isNull();
    }

    @Test
    void exposesTheSequenceNumberSoTheLatestCallbackWins() {
        Map<String, String> params = callback("completed", "inbound");
        params.put("SequenceNumber", "3");
        assertThat(TwilioStatusCallback.parse(params, RECEIVED).orElseThrow().sequenceNumber()).isEqualTo(3L);

        params.remove("SequenceNumber");
        assertThat(TwilioStatusCallback.parse(params, RECEIVED).orElseThrow().sequenceNumber()).isNull();
    }

    @Test
    void keepsAnUnknownStatusRawAndRecordsTheDefault() {
        PlatformCall call = TwilioStatusCallback.parse(callback("answered-by-robot", "inbound"), RECEIVED).orElseThrow();

        assertThat(call.rawReason()).isEqualTo("answered-by-robot");
        assertThat(call.match()).isEqualTo(ReasonMatch.UNKNOWN);
        assertThat(call.outcome()).isEqualTo(TwilioStatuses.DEFAULT_OUTCOME);
    }

    @Test
    void aCallbackWithoutCallSidOrStatusIsMalformed() {
        Map<String, String> noSid = callback("completed", "inbound");
        noSid.remove("CallSid");
        Map<String, String> noStatus = callback("completed", "inbound");
        noStatus.remove("CallStatus");

        assertThatThrownBy(() -> TwilioStatusCallback.parse(noSid, RECEIVED))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("CallSid");
        assertThatThrownBy(() -> TwilioStatusCallback.parse(noStatus, RECEIVED))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("CallStatus");
    }
}
