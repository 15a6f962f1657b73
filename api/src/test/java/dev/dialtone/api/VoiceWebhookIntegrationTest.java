package dev.dialtone.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialtone.api.support.IntegrationTestBase;
import dev.dialtone.integrations.voice.ElevenLabsSignature;
import dev.dialtone.integrations.voice.RetellSignature;
import dev.dialtone.integrations.voice.TwilioSignature;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.dialtone.api.support.TestKeys.SMITH_OPERATOR;
import static dev.dialtone.api.support.TestKeys.SMITH_READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The voice platforms' own webhooks, signed as each platform signs them, with the sample payloads from their docs:
 * a verified report is recorded once, a bad or stale signature is refused with 401 and records nothing.
 */
class VoiceWebhookIntegrationTest extends IntegrationTestBase {

    private static final AtomicInteger AGENTS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of("../integrations/src/test/resources/voice");
    /** What Twilio signs: the URL it called, i.e. dialtone.public-base-url (default) + path. */
    private static final String PUBLIC_BASE = "http://localhost:8080";

    @Test
    void aTwilioStatusCallbackIsVerifiedOverThePublicUrlAndRecordedOncePerCallAndStatus() throws Exception {
        String agent = agent();
        String path = "/webhooks/twilio/" + agent;
        Map<String, String> busy = form(sample("twilio_status-callback_busy_from-elevenlabs-doc.form.txt"));
        busy.put("Direction", "inbound");
        String body = encode(busy);
        String signature = TwilioSignature.compute("twilio-token", PUBLIC_BASE + path, busy);

        twilio(path, body, signature).expectStatus().isOk().expectBody()
                .jsonPath("$.accepted").isEqualTo(1);
        twilio(path, body, signature).expectStatus().isOk().expectBody()
                .jsonPath("$.accepted").isEqualTo(0).jsonPath("$.duplicates").isEqualTo(1);
        JsonNode status = awaitStatus(agent, s -> s.path("calls").path("inbound").asInt() == 1);
        assertThat(status.get("lastCall").get("outcome").asText()).isEqualTo("MISSED");
        assertThat(status.get("lastCall").get("reason").asText()).isEqualTo("busy");

        // a ringing callback is fine but not a finished call
        Map<String, String> ringing = new LinkedHashMap<>(busy);
        ringing.put("CallStatus", "ringing");
        twilio(path, encode(ringing), TwilioSignature.compute("twilio-token", PUBLIC_BASE + path, ringing))
                .expectStatus().isOk().expectBody().jsonPath("$.ignored").exists();
        // signed for another URL, or with another token, or changed after signing: refused
        twilio(path, body, TwilioSignature.compute("twilio-token", PUBLIC_BASE + "/elsewhere", busy))
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        twilio(path, body, TwilioSignature.compute("other-token", PUBLIC_BASE + path, busy))
                .expectStatus().isUnauthorized();
        Map<String, String> tampered = new LinkedHashMap<>(busy);
        tampered.put("CallSid", "CA-someone-else");
        twilio(path, encode(tampered), signature).expectStatus().isUnauthorized();
        Thread.sleep(500);
        assertThat(status(agent).path("calls").path("inbound").asInt()).isEqualTo(1);
    }

    @Test
    void aVapiEndOfCallReportNeedsTheSecretAndAHangIsADegradedHealthSignal() throws Exception {
        String agent = agent();
        String report = sample("vapi_end-of-call-report_call-queue-doc.json");
        vapi(agent, report, "wrong").expectStatus().isUnauthorized();
        vapi(agent, report, null).expectStatus().isUnauthorized();
        vapi(agent, report, "vapi-secret").expectStatus().isOk().expectBody().jsonPath("$.accepted").isEqualTo(1);
        JsonNode status = awaitStatus(agent, s -> s.path("lastCall").has("outcome"));
        assertThat(status.get("lastCall").get("outcome").asText()).isEqualTo("ANSWERED");
        assertThat(status.get("lastCall").get("reason").asText()).isEqualTo("assistant-ended-call");

        String hang = """
                {"message": {"type": "hang", "timestamp": %d, "call": {"id": "call-hang-1"}}}"""
                .formatted(Instant.now().toEpochMilli());
        vapi(agent, hang, "vapi-secret").expectStatus().isOk().expectBody().jsonPath("$.accepted").isEqualTo(1);
        JsonNode checked = awaitStatus(agent, s -> s.has("lastHealthCheck") && !s.get("lastHealthCheck").isNull());
        assertThat(checked.get("lastHealthCheck").get("status").asText()).isEqualTo("DEGRADED");
        assertThat(checked.get("lastHealthCheck").get("check").asText()).isEqualTo("vapi-hang");

        vapi(agent, "{\"message\": {\"type\": \"status-update\"}}", "vapi-secret").expectStatus().isOk()
                .expectBody().jsonPath("$.ignored").exists();
        vapi(agent, "{\"nothing\": true}", "vapi-secret").expectStatus().isBadRequest();
        vapi(agent, "not json", "vapi-secret").expectStatus().isBadRequest();
    }

    @Test
    void retellCountsEndedAndAnalyzedOnceAndRefusesAStaleSignature() throws Exception {
        String agent = agent();
        String ended = sample("retell_call_ended_webhook-overview-doc.derived.json");
        String analyzed = ended.replace("\"call_ended\"", "\"call_analyzed\"");
        retell(agent, ended, Instant.now()).expectStatus().isOk().expectBody().jsonPath("$.accepted").isEqualTo(1);
        retell(agent, analyzed, Instant.now()).expectStatus().isOk().expectBody()
                .jsonPath("$.duplicates").isEqualTo(1);
        retell(agent, ended.replace("Jabr9TXY", "Stale9TXY"), Instant.now().minus(Duration.ofMinutes(10)))
                .expectStatus().isUnauthorized();
        JsonNode status = awaitStatus(agent, s -> s.path("calls").path("inbound").asInt() == 1);
        assertThat(status.get("lastCall").get("outcome").asText()).isEqualTo("ANSWERED");

        // a reason no table knows is kept raw, recorded, and counted
        String novel = ended.replace("Jabr9TXY", "Novel9TXY").replace("user_hangup", "quantum_tunnel_collapse");
        retell(agent, novel, Instant.now()).expectStatus().isOk().expectBody().jsonPath("$.accepted").isEqualTo(1);
        JsonNode after = awaitStatus(agent, s -> s.path("calls").path("inbound").asInt() == 2);
        assertThat(after.get("lastCall").get("reason").asText()).isEqualTo("quantum_tunnel_collapse");
        String metrics = get(SMITH_READER, "/actuator/prometheus").expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(metrics).containsPattern("dialtone_webhooks_unknown_reasons_total\\{[^}]*platform=\"retell\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("dialtone_webhooks_received_total\\{[^}]*platform=\"retell\",result=\"unauthorized\"[^}]*} [1-9]");
    }

    @Test
    void elevenLabsPostCallTranscriptionIsVerifiedAndRecorded() throws Exception {
        String agent = agent();
        String body = sample("elevenlabs_post_call_transcription.json");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        elevenLabs(agent, body, ElevenLabsSignature.sign("eleven-secret", bytes, Instant.now()))
                .expectStatus().isOk().expectBody().jsonPath("$.accepted").isEqualTo(1);
        elevenLabs(agent, body, ElevenLabsSignature.sign("not-the-secret", bytes, Instant.now()))
                .expectStatus().isUnauthorized();
        String failure = """
                {"type": "call_initiation_failure", "event_timestamp": %d,
                 "data": {"agent_id": "xyz", "conversation_id": "conv-failed-1", "failure_reason": "busy",
                          "metadata": {"type": "twilio", "body": {}}}}""".formatted(Instant.now().getEpochSecond());
        elevenLabs(agent, failure, ElevenLabsSignature.sign("eleven-secret",
                failure.getBytes(StandardCharsets.UTF_8), Instant.now()))
                .expectStatus().isOk().expectBody().jsonPath("$.accepted").isEqualTo(1);
        awaitStatus(agent, s -> s.path("calls").path("byOutcome").path("MISSED").asInt() == 1);
    }

    @Test
    void unknownPlatformsAgentsAndMissingSecretsAreClearlyRefused() {
        String agent = agent();
        http.post().uri("/webhooks/bland/" + agent).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isNotFound();
        http.post().uri("/webhooks/vapi/no-such-agent").contentType(MediaType.APPLICATION_JSON)
                .header("X-Vapi-Secret", "vapi-secret").bodyValue("{}").exchange().expectStatus().isNotFound();
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent + "-bare", "{\"name\": \"No secrets\"}")
                .expectStatus().isCreated();
        http.post().uri("/webhooks/vapi/" + agent + "-bare").contentType(MediaType.APPLICATION_JSON)
                .header("X-Vapi-Secret", "anything").bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("webhookSecrets.vapi"));
    }

    private String agent() {
        String agent = "hooks-" + AGENTS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent, """
                {"name": "Webhook line", "detection": {"silence": "P3650D"},
                 "webhookSecrets": {"twilio": "twilio-token", "vapi": "vapi-secret", "retell": "retell-key",
                                    "elevenlabs": "eleven-secret"}}""").expectStatus().isCreated();
        return agent;
    }

    private WebTestClient.ResponseSpec twilio(String path, String body, String signature) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header(TwilioSignature.HEADER, signature).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec vapi(String agent, String body, String secret) {
        WebTestClient.RequestBodySpec request = http.post().uri("/webhooks/vapi/" + agent)
                .contentType(MediaType.APPLICATION_JSON);
        if (secret != null) {
            request = request.header("X-Vapi-Secret", secret);
        }
        return request.bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec retell(String agent, String body, Instant signedAt) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return http.post().uri("/webhooks/retell/" + agent).contentType(MediaType.APPLICATION_JSON)
                .header(RetellSignature.HEADER, RetellSignature.sign("retell-key", bytes, signedAt))
                .bodyValue(bytes).exchange();
    }

    private WebTestClient.ResponseSpec elevenLabs(String agent, String body, String signature) {
        return http.post().uri("/webhooks/elevenlabs/" + agent).contentType(MediaType.APPLICATION_JSON)
                .header(ElevenLabsSignature.HEADER, signature)
                .bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    private JsonNode status(String agent) throws Exception {
        byte[] body = get(SMITH_READER, "/api/v1/agents/" + agent).expectStatus().isOk().expectBody()
                .returnResult().getResponseBody();
        JsonNode status = JSON.readTree(body).get("status");
        return status == null ? JSON.createObjectNode() : status;
    }

    private JsonNode awaitStatus(String agent, java.util.function.Predicate<JsonNode> ready) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> ready.test(last[0] = status(agent)));
        return last[0];
    }

    private static String sample(String name) throws Exception {
        return Files.readString(SAMPLES.resolve(name)).trim();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String encode(Map<String, String> params) {
        StringBuilder body = new StringBuilder();
        params.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
