package dev.dialtone.integrations.voice;

import dev.dialtone.domain.agent.api.VoicePlatform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.domain.signal.api.CallDirection;
import dev.dialtone.domain.signal.api.CallOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElevenLabsWebhookTest {

    private static final Instant RECEIVED = Instant.parse("2026-01-05T10:00:00Z");

    private static ObjectNode docSample() {
        return (ObjectNode) Samples.json("elevenlabs_post_call_transcription.json");
    }

    private static ObjectNode metadata(ObjectNode body) {
        return (ObjectNode) body.get("data").get("metadata");
    }

    @Test
    void readsTheDocumentedTranscriptionWebhookAsAnAnsweredWebConversation() {
        PlatformCall call = ElevenLabsWebhook.parse(docSample(), RECEIVED).orElseThrow();

        assertThat(call.platform()).isEqualTo(VoicePlatform.ELEVENLABS);
        assertThat(call.sourceId()).isEqualTo("abc");
        assertThat(call.callId()).isEqualTo("abc");
        assertThat(call.event()).isEqualTo("post_call_transcription");
        assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(call.match()).isEqualTo(ReasonMatch.EXACT);
        assertThat(call.rawReason()).isEqualTo("done");
        assertThat(call.durationSeconds()).isEqualTo(22.0);
        assertThat(call.occurredAt()).isEqualTo(Instant.ofEpochSecond(1739537297L + 22));
        // No metadata.phone_call: a browser or dashboard conversation, kept out of the phone line's SLI.
        assertThat(call.direction()).isEqualTo(CallDirection.OUTBOUND);
    }

    @ParameterizedTest
    @CsvSource({"inbound, INBOUND", "outbound, OUTBOUND"})
    void aPhoneConversationTakesItsDirection(String direction, CallDirection expected) {
        ObjectNode body = docSample();
        metadata(body).putObject("phone_call").put("direction", direction).put("type", "twilio");

        assertThat(ElevenLabsWebhook.parse(body, RECEIVED).orElseThrow().direction()).isEqualTo(expected);
    }

    @Test
    void aFailedConversationIsDroppedAndKeepsItsTerminationReason() {
        ObjectNode body = docSample();
        ((ObjectNode) body.get("data")).put("status", "failed");
        metadata(body).put("termination_reason", "LLM request failed");

        PlatformCall call = ElevenLabsWebhook.parse(body, RECEIVED).orElseThrow();

        assertThat(call.outcome()).isEqualTo(CallOutcome.DROPPED);
        assertThat(call.match()).isEqualTo(ReasonMatch.EXACT);
        assertThat(call.rawReason()).isEqualTo("failed: LLM request failed");
    }

    @Test
    void theAgentsOwnSuccessVerdictDoesNotDecideTheOutcome() {
        ObjectNode body = docSample();
        ((ObjectNode) body.get("data").get("analysis")).put("call_successful", "failure");

        assertThat(ElevenLabsWebhook.parse(body, RECEIVED).orElseThrow().outcome()).isEqualTo(CallOutcome.ANSWERED);
    }

    @Test
    void keepsAnUnknownStatusRawAndRecordsTheDefault() {
        ObjectNode body = docSample();
        ((ObjectNode) body.get("data")).put("status", "processing");

        PlatformCall call = ElevenLabsWebhook.parse(body, RECEIVED).orElseThrow();

        assertThat(call.rawReason()).isEqualTo("processing");
        assertThat(call.match()).isEqualTo(ReasonMatch.UNKNOWN);
        assertThat(call.outcome()).isEqualTo(ElevenLabsOutcomes.DEFAULT_CONVERSATION_OUTCOME);
    }

    @ParameterizedTest
    @CsvSource({"busy, EXACT", "no-answer, EXACT", "unknown, EXACT", "carrier-blocked, FAMILY"})
    void anInitiationFailureIsAMissedOutboundCall(String reason, ReasonMatch match) {
        JsonNode body = Samples.inline("{\"type\":\"call_initiation_failure\",\"event_timestamp\":1767607080,",
                "\"data\":{\"agent_id\":\"a1\",\"conversation_id\":\"conv_1\",\"failure_reason\":\"" + reason + "\",",
                "\"metadata\":{\"type\":\"sip\",\"body\":{}}}}");

        PlatformCall call = ElevenLabsWebhook.parse(body, RECEIVED).orElseThrow();

        assertThat(call.sourceId()).isEqualTo("conv_1");
        assertThat(call.event()).isEqualTo("call_initiation_failure");
        assertThat(call.outcome()).isEqualTo(CallOutcome.MISSED);
        assertThat(call.match()).isEqualTo(match);
        assertThat(call.rawReason()).isEqualTo(reason);
        assertThat(call.direction()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(call.occurredAt()).isEqualTo(Instant.ofEpochSecond(1767607080L));
    }

    @Test
    void anInitiationFailureOverTwilioTakesTwiliosDirection() {
        // metadata.body is Twilio's own status callback, the same fields as Twilio's form post.
        JsonNode body = Samples.inline("{\"type\":\"call_initiation_failure\",\"data\":{\"conversation_id\":\"conv_2\",",
                "\"failure_reason\":\"busy\",\"metadata\":{\"type\":\"twilio\",",
                "\"body\":{\"CallSid\":\"CA1\",\"CallStatus\":\"busy\",\"Direction\":\"inbound\"}}}}");

        PlatformCall call = ElevenLabsWebhook.parse(body, RECEIVED).orElseThrow();

        assertThat(call.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(call.occurredAt()).isEqualTo(RECEIVED);
    }

    @Test
    void audioAndOtherWebhooksAreNotCalls() {
        assertThat(ElevenLabsWebhook.parse(Samples.inline("{\"type\":\"post_call_audio\",",
                "\"data\":{\"conversation_id\":\"abc\",\"full_audio\":\"UklGRg==\"}}"), RECEIVED)).isEmpty();
        assertThat(ElevenLabsWebhook.parse(Samples.inline("{\"type\":\"voice_removal_notice\"}"), RECEIVED)).isEmpty();
    }

    @Test
    void aCallWebhookWithoutConversationIdIsMalformed() {
        ObjectNode body = docSample();
        ((ObjectNode) body.get("data")).remove("conversation_id");

        assertThatThrownBy(() -> ElevenLabsWebhook.parse(body, RECEIVED))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("conversation_id");
        assertThatThrownBy(() -> ElevenLabsWebhook.parse(Samples.inline("{\"type\":\"call_initiation_failure\"}"),
                RECEIVED)).isInstanceOf(MalformedWebhookException.class);
    }
}
