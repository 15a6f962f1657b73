package dev.dialtone.integrations.voice;

import dev.dialtone.domain.agent.api.VoicePlatform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.domain.signal.api.CallDirection;
import dev.dialtone.domain.signal.api.CallOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetellWebhookTest {

    private static final Instant RECEIVED = Instant.parse("2026-01-05T10:00:00Z");

    private static ObjectNode docSample() {
        return (ObjectNode) Samples.json("retell_call_ended_webhook-overview-doc.derived.json");
    }

    private static ObjectNode call(ObjectNode body) {
        return (ObjectNode) body.get("call");
    }

    @Test
    void readsTheDocumentedCallEndedWebhook() {
        PlatformCall call = RetellWebhook.parse(docSample(), RECEIVED).orElseThrow();

        assertThat(call.platform()).isEqualTo(VoicePlatform.RETELL);
        assertThat(call.sourceId()).isEqualTo("Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6");
        assertThat(call.callId()).isEqualTo("Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6");
        assertThat(call.event()).isEqualTo("call_ended");
        assertThat(call.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(call.rawReason()).isEqualTo("user_hangup");
        assertThat(call.match()).isEqualTo(ReasonMatch.EXACT);
        assertThat(call.occurredAt()).isEqualTo(Instant.ofEpochMilli(1714608491736L));
        assertThat(call.durationSeconds()).isEqualTo(15.791);
    }

    @Test
    void callAnalyzedIsTheSameCallSoItCountsOnce() {
        ObjectNode analyzed = docSample();
        analyzed.put("event", "call_analyzed");

        PlatformCall ended = RetellWebhook.parse(docSample(), RECEIVED).orElseThrow();
        PlatformCall again = RetellWebhook.parse(analyzed, RECEIVED.plusSeconds(20)).orElseThrow();

        assertThat(again.sourceId()).isEqualTo(ended.sourceId());
        assertThat(again.event()).isEqualTo("call_analyzed");
        assertThat(again.outcome()).isEqualTo(ended.outcome());
        assertThat(again.occurredAt()).isEqualTo(ended.occurredAt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"call_started", "transcript_updated", "transfer_started", "something_new"})
    void otherEventsAreNotCalls(String event) {
        ObjectNode body = docSample();
        body.put("event", event);

        assertThat(RetellWebhook.parse(body, RECEIVED)).isEmpty();
    }

    @Test
    void takesDirectionFromTheCall() {
        ObjectNode outbound = docSample();
        call(outbound).put("direction", "outbound");
        ObjectNode web = docSample();
        call(web).remove("direction");
        call(web).put("call_type", "web_call");
        ObjectNode undirected = docSample();
        call(undirected).remove("direction");

        assertThat(RetellWebhook.parse(outbound, RECEIVED).orElseThrow().direction()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(RetellWebhook.parse(web, RECEIVED).orElseThrow().direction()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(RetellWebhook.parse(undirected, RECEIVED).orElseThrow().direction()).isEqualTo(CallDirection.INBOUND);
    }

    @Test
    void aCallThatNeverConnectedIsMissedAndTimedByItsStart() {
        ObjectNode body = docSample();
        call(body).put("disconnection_reason", "dial_no_answer");
        call(body).remove("end_timestamp");

        PlatformCall call = RetellWebhook.parse(body, RECEIVED).orElseThrow();

        assertThat(call.outcome()).isEqualTo(CallOutcome.MISSED);
        assertThat(call.occurredAt()).isEqualTo(Instant.ofEpochMilli(1714608475945L));
        assertThat(call.durationSeconds()).isNull();
    }

    @Test
    void usesTheReceiptTimeWhenTheCallCarriesNoTimes() {
        ObjectNode body = docSample();
        call(body).remove("start_timestamp");
        call(body).remove("end_timestamp");

        assertThat(RetellWebhook.parse(body, RECEIVED).orElseThrow().occurredAt()).isEqualTo(RECEIVED);
    }

    @Test
    void keepsAnUnknownReasonRawAndRecordsTheDefault() {
        ObjectNode body = docSample();
        call(body).put("disconnection_reason", "moon_phase_wrong");

        PlatformCall call = RetellWebhook.parse(body, RECEIVED).orElseThrow();

        assertThat(call.rawReason()).isEqualTo("moon_phase_wrong");
        assertThat(call.match()).isEqualTo(ReasonMatch.UNKNOWN);
        assertThat(call.outcome()).isEqualTo(RetellDisconnectionReasons.DEFAULT_OUTCOME);
    }

    @Test
    void aCallEventWithoutCallIdIsMalformed() {
        ObjectNode body = docSample();
        call(body).remove("call_id");
        JsonNode noCall = Samples.inline("{\"event\":\"call_ended\"}");

        assertThatThrownBy(() -> RetellWebhook.parse(body, RECEIVED))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("call_id");
        assertThatThrownBy(() -> RetellWebhook.parse(noCall, RECEIVED))
                .isInstanceOf(MalformedWebhookException.class);
    }
}
