package dev.dialtone.integrations.voice;

import dev.dialtone.domain.agent.api.VoicePlatform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.domain.signal.api.CallDirection;
import dev.dialtone.domain.signal.api.CallOutcome;
import dev.dialtone.domain.signal.api.HealthStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VapiServerMessageTest {

    private static final Instant RECEIVED = Instant.parse("2026-01-05T10:00:00Z");

    private static PlatformCall call(JsonNode body) {
        return (PlatformCall) VapiServerMessage.parse(body, RECEIVED).orElseThrow();
    }

    @Test
    void readsTheCallQueueDocSampleWithTheReasonOnTheCall() {
        PlatformCall call = call(Samples.json("vapi_end-of-call-report_call-queue-doc.json"));

        assertThat(call.platform()).isEqualTo(VoicePlatform.VAPI);
        assertThat(call.sourceId()).isEqualTo("73a6da0f-c455-4bb6-bf4a-5f0634871430");
        assertThat(call.callId()).isEqualTo("73a6da0f-c455-4bb6-bf4a-5f0634871430");
        assertThat(call.event()).isEqualTo("end-of-call-report");
        assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(call.rawReason()).isEqualTo("assistant-ended-call");
        assertThat(call.match()).isEqualTo(ReasonMatch.EXACT);
        assertThat(call.occurredAt()).isEqualTo(RECEIVED);
        assertThat(call.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(call.durationSeconds()).isNull();
        assertThat(call.sequenceNumber()).isNull();
    }

    @Test
    void readsTheEventsDocSampleWithTheReasonOnTheMessage() {
        PlatformCall call = call(Samples.json("vapi_end-of-call-report_events-doc.derived.json"));

        assertThat(call.sourceId()).isEqualTo("call-from-events-doc");
        assertThat(call.rawReason()).isEqualTo("hangup");
        assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(call.match()).isEqualTo(ReasonMatch.FAMILY);
    }

    @Test
    void theReasonOnTheMessageWinsOverTheOneOnTheCall() {
        PlatformCall call = call(Samples.inline("{\"message\":{\"type\":\"end-of-call-report\",",
                "\"endedReason\":\"pipeline-error-openai-llm-failed\",",
                "\"call\":{\"id\":\"c1\",\"endedReason\":\"customer-ended-call\"}}}"));

        assertThat(call.rawReason()).isEqualTo("pipeline-error-openai-llm-failed");
        assertThat(call.outcome()).isEqualTo(CallOutcome.DROPPED);
    }

    @Test
    void takesEndTimeAndDurationFromTheReport() {
        PlatformCall call = call(Samples.inline("{\"message\":{\"type\":\"end-of-call-report\",",
                "\"endedReason\":\"customer-ended-call\",\"startedAt\":\"2026-01-05T09:58:00.000Z\",",
                "\"endedAt\":\"2026-01-05T09:58:41.500Z\",\"durationSeconds\":41.5,\"call\":{\"id\":\"c1\"}}}"));

        assertThat(call.occurredAt()).isEqualTo(Instant.parse("2026-01-05T09:58:41.500Z"));
        assertThat(call.durationSeconds()).isEqualTo(41.5);
    }

    @Test
    void derivesDurationFromMillisecondsOrFromTheCallTimes() {
        PlatformCall fromMillis = call(Samples.inline("{\"message\":{\"type\":\"end-of-call-report\",",
                "\"durationMs\":12345,\"call\":{\"id\":\"c1\"}}}"));
        PlatformCall fromTimes = call(Samples.inline("{\"message\":{\"type\":\"end-of-call-report\",",
                "\"call\":{\"id\":\"c1\",\"startedAt\":\"2026-01-05T09:58:00Z\",\"endedAt\":\"2026-01-05T09:59:30Z\"}}}"));

        assertThat(fromMillis.durationSeconds()).isEqualTo(12.345);
        assertThat(fromTimes.durationSeconds()).isEqualTo(90.0);
        assertThat(fromTimes.occurredAt()).isEqualTo(Instant.parse("2026-01-05T09:59:30Z"));
    }

    @Test
    void fallsBackToTheMessageTimestampInMilliseconds() {
        PlatformCall call = call(Samples.inline("{\"message\":{\"type\":\"end-of-call-report\",",
                "\"timestamp\":1767607080000,\"call\":{\"id\":\"c1\"}}}"));

        assertThat(call.occurredAt()).isEqualTo(Instant.ofEpochMilli(1767607080000L));
    }

    @ParameterizedTest
    @CsvSource({"inboundPhoneCall, INBOUND", "outboundPhoneCall, OUTBOUND", "webCall, OUTBOUND",
            "vapi.websocketCall, INBOUND"})
    void takesDirectionFromTheCallType(String type, CallDirection direction) {
        PlatformCall call = call(Samples.inline("{\"message\":{\"type\":\"end-of-call-report\",",
                "\"call\":{\"id\":\"c1\",\"type\":\"" + type + "\"}}}"));

        assertThat(call.direction()).isEqualTo(direction);
    }

    @Test
    void keepsAnUnknownReasonRawAndRecordsTheDefault() {
        PlatformCall call = call(Samples.inline("{\"message\":{\"type\":\"end-of-call-report\",",
                "\"endedReason\":\"quantum-entanglement-collapsed\",\"call\":{\"id\":\"c1\"}}}"));

        assertThat(call.rawReason()).isEqualTo("quantum-entanglement-collapsed");
        assertThat(call.match()).isEqualTo(ReasonMatch.UNKNOWN);
        assertThat(call.outcome()).isEqualTo(VapiEndedReasons.DEFAULT_OUTCOME);
    }

    @Test
    void aReportWithoutAReasonIsStillACall() {
        PlatformCall call = call(Samples.inline("{\"message\":{\"type\":\"end-of-call-report\",\"call\":{\"id\":\"c1\"}}}"));

        assertThat(call.rawReason()).isNull();
        assertThat(call.match()).isEqualTo(ReasonMatch.UNKNOWN);
    }

    @Test
    void aHangIsADegradedHealthSignal() {
        PlatformSignal signal = VapiServerMessage.parse(Samples.inline(
                "{\"message\":{\"type\":\"hang\",\"timestamp\":1767607080123,\"call\":{\"id\":\"c7\"}}}"), RECEIVED)
                .orElseThrow();

        assertThat(signal).isInstanceOf(PlatformHealth.class);
        PlatformHealth health = (PlatformHealth) signal;
        assertThat(health.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(health.check()).isEqualTo("vapi-hang");
        assertThat(health.occurredAt()).isEqualTo(Instant.ofEpochMilli(1767607080123L));
        assertThat(health.callId()).isEqualTo("c7");
        assertThat(health.sourceId()).isEqualTo("c7:hang:1767607080123");
        assertThat(health.detail()).contains("c7");
    }

    @Test
    void twoHangsOnOneCallAreTwoSignals() {
        String first = VapiServerMessage.parse(Samples.inline(
                "{\"message\":{\"type\":\"hang\",\"timestamp\":1767607080000,\"call\":{\"id\":\"c7\"}}}"), RECEIVED)
                .orElseThrow().sourceId();
        String second = VapiServerMessage.parse(Samples.inline(
                "{\"message\":{\"type\":\"hang\",\"timestamp\":1767607095000,\"call\":{\"id\":\"c7\"}}}"), RECEIVED)
                .orElseThrow().sourceId();

        assertThat(second).isNotEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"status-update", "transcript", "tool-calls", "conversation-update", "speech-update",
            "assistant-request", "some-future-message"})
    void otherMessagesAreNotSignals(String type) {
        assertThat(VapiServerMessage.parse(Samples.inline(
                "{\"message\":{\"type\":\"" + type + "\",\"call\":{\"id\":\"c1\"}}}"), RECEIVED)).isEmpty();
    }

    @Test
    void aBodyWithoutAMessageIsMalformed() {
        assertThatThrownBy(() -> VapiServerMessage.parse(Samples.inline("{\"type\":\"end-of-call-report\"}"), RECEIVED))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("message");
        assertThatThrownBy(() -> VapiServerMessage.parse(null, RECEIVED))
                .isInstanceOf(MalformedWebhookException.class);
    }

    @Test
    void aReportWithoutACallIdIsMalformed() {
        assertThatThrownBy(() -> VapiServerMessage.parse(Samples.inline(
                "{\"message\":{\"type\":\"end-of-call-report\",\"endedReason\":\"customer-ended-call\"}}"), RECEIVED))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("call.id");
    }
}
