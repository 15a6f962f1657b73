package dev.dialtone.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.api.support.FakeIntegrations;
import dev.dialtone.api.support.IntegrationTestBase;
import dev.dialtone.integrations.pagerduty.PagerDutyWebhookSignature;
import dev.dialtone.integrations.slack.SlackRequestVerifier;
import dev.dialtone.api.support.Payloads;
import dev.dialtone.integrations.voice.ElevenLabsSignature;
import dev.dialtone.integrations.voice.RetellSignature;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.dialtone.api.support.TestKeys.SMITH_OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutates valid requests at random (seeded, so a failure reproduces) and checks that every answer is a success or
 * a 4xx problem: no input may produce a 5xx.
 */
class NoServerErrorIntegrationTest extends IntegrationTestBase {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MUTATIONS_PER_ENDPOINT = 120;

    private final ObjectMapper mapper = new ObjectMapper();
    private final Random random = new Random(20261125);

    @Test
    void mutatedRequestsNeverCauseAServerError() throws Exception {
        put(SMITH_OPERATOR, "/api/v1/escalation-policies/fuzz-policy", Payloads.policy()).expectStatus().isCreated();
        put(SMITH_OPERATOR, "/api/v1/agents/fuzz-line", Payloads.agent("Fuzz", "fuzz-policy"))
                .expectStatus().isCreated();
        String at = "2026-11-25T03:12:00Z";
        List<String[]> endpoints = List.of(
                new String[]{"PUT", "/api/v1/agents/fuzz-line", Payloads.agent("Fuzz", "fuzz-policy")},
                new String[]{"PUT", "/api/v1/escalation-policies/fuzz-policy", Payloads.policy()},
                new String[]{"POST", "/api/v1/signals/calls", Payloads.call("fuzz-c", "fuzz-line", at, "MISSED")},
                new String[]{"POST", "/api/v1/signals/health-checks",
                        Payloads.healthCheck("fuzz-h", "fuzz-line", at, "UP")},
                new String[]{"POST", "/api/v1/signals/failover-actions", """
                        {"id": "fuzz-f", "agentId": "fuzz-line", "occurredAt": "2026-11-25T03:13:00Z",
                         "action": "ACTIVATED", "target": "+14155550199", "initiatedBy": "twilio-studio"}"""});
        List<String> failures = new ArrayList<>();
        for (String[] endpoint : endpoints) {
            JsonNode valid = mapper.readTree(endpoint[2]);
            for (int i = 0; i < MUTATIONS_PER_ENDPOINT; i++) {
                String body = mapper.writeValueAsString(mutate(valid.deepCopy(), 1 + random.nextInt(3)));
                int status = (endpoint[0].equals("PUT") ? put(SMITH_OPERATOR, endpoint[1], body)
                        : post(SMITH_OPERATOR, endpoint[1], body))
                        .returnResult(String.class).getStatus().value();
                if (status >= 500) {
                    failures.add(status + " " + endpoint[0] + " " + endpoint[1] + " " + body);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void mutatedWebhooksGraphqlQueriesAndReportParametersNeverCauseAServerError() throws Exception {
        put(SMITH_OPERATOR, "/api/v1/agents/fuzz-hooks", """
                {"name": "Fuzz hooks", "webhookSecrets": {"vapi": "vapi-secret", "retell": "retell-key",
                 "elevenlabs": "eleven-secret"}}""").expectStatus().isCreated();
        List<String> failures = new ArrayList<>();
        JsonNode vapi = mapper.readTree("""
                {"message": {"type": "end-of-call-report", "endedReason": "pipeline-error-openai-llm-failed",
                 "timestamp": 1764040000000, "call": {"id": "c1", "type": "inboundPhoneCall"},
                 "durationSeconds": 41, "endedAt": "2026-11-25T03:12:00Z"}}""");
        JsonNode retell = mapper.readTree("""
                {"event": "call_ended", "call": {"call_type": "phone_call", "direction": "inbound", "call_id": "r1",
                 "start_timestamp": 1764040000000, "end_timestamp": 1764040041000,
                 "disconnection_reason": "user_hangup"}}""");
        JsonNode eleven = mapper.readTree("""
                {"type": "post_call_transcription", "event_timestamp": 1764040041,
                 "data": {"agent_id": "a", "conversation_id": "e1", "status": "done",
                          "metadata": {"call_duration_secs": 41, "phone_call": {"direction": "inbound"}}}}""");
        JsonNode graphql = mapper.readTree("""
                {"query": "query($id: ID!, $from: String!, $to: String!) { agent(id: $id) { name } \
                slaReport(agentId: $id, from: $from, to: $to) { uptimePercent } \
                incidents(filter: {agentId: $id}, first: 5) { items { id } } }",
                 "variables": {"id": "fuzz-hooks", "from": "2026-11-01T00:00:00Z", "to": "2026-12-01T00:00:00Z"}}""");
        JsonNode pagerDuty = mapper.readTree("""
                {"event": {"id": "01E", "event_type": "incident.acknowledged", "resource_type": "incident",
                 "occurred_at": "2026-11-25T03:14:00Z", "agent": {"summary": "Jane", "type": "user_reference"},
                 "data": {"id": "Q0", "type": "incident", "incident_key": "dialtone/fuzz-hooks-1",
                          "status": "acknowledged"}}}""");
        JsonNode button = mapper.readTree("""
                {"type": "block_actions", "team": {"id": "T0"}, "user": {"id": "U0", "username": "fuzz"},
                 "response_url": "http://127.0.0.1:9/respond", "channel": {"id": "C0"},
                 "actions": [{"action_id": "dialtone_acknowledge", "value": "fuzz-hooks-1"}]}""");
        String[] commands = {"status", "status fuzz-hooks", "ack fuzz-hooks-1", "resolve fuzz-hooks-1 note",
                "escalate", "sla fuzz-hooks 2026-13", "sla", "ack ../../x", "help me", ""};
        for (int i = 0; i < MUTATIONS_PER_ENDPOINT; i++) {
            byte[] pagerDutyBody = mapper.writeValueAsBytes(mutate(pagerDuty.deepCopy(), 1 + random.nextInt(3)));
            check(failures, "pagerduty " + new String(pagerDutyBody, StandardCharsets.UTF_8),
                    http.post().uri("/webhooks/pagerduty").contentType(MediaType.APPLICATION_JSON)
                            .header(PagerDutyWebhookSignature.HEADER, PagerDutyWebhookSignature.sign(pagerDutyBody,
                                    FakeIntegrations.PAGERDUTY_WEBHOOK_SECRET))
                            .bodyValue(pagerDutyBody).exchange());
            String buttonBody = "payload=" + URLEncoder.encode(mapper.writeValueAsString(mutate(button.deepCopy(),
                    1 + random.nextInt(3))), StandardCharsets.UTF_8);
            check(failures, "slack button " + buttonBody, slack("/slack/interactivity", buttonBody));
            String commandBody = "user_id=U0&user_name=fuzz&command=%2Fdialtone&response_url="
                    + (random.nextBoolean() ? "http%3A%2F%2F127.0.0.1%3A9%2Fx" : parameter()) + "&text="
                    + URLEncoder.encode(commands[random.nextInt(commands.length)] + " " + parameter(),
                    StandardCharsets.UTF_8);
            check(failures, "slack command " + commandBody, slack("/slack/commands", commandBody));
            String vapiBody = mapper.writeValueAsString(mutate(vapi.deepCopy(), 1 + random.nextInt(3)));
            check(failures, "vapi " + vapiBody, http.post().uri("/webhooks/vapi/fuzz-hooks")
                    .contentType(MediaType.APPLICATION_JSON).header("X-Vapi-Secret", "vapi-secret")
                    .bodyValue(vapiBody).exchange());
            byte[] retellBody = mapper.writeValueAsBytes(mutate(retell.deepCopy(), 1 + random.nextInt(3)));
            check(failures, "retell " + new String(retellBody, StandardCharsets.UTF_8),
                    http.post().uri("/webhooks/retell/fuzz-hooks").contentType(MediaType.APPLICATION_JSON)
                            .header(RetellSignature.HEADER, RetellSignature.sign("retell-key", retellBody,
                                    Instant.now()))
                            .bodyValue(retellBody).exchange());
            byte[] elevenBody = mapper.writeValueAsBytes(mutate(eleven.deepCopy(), 1 + random.nextInt(3)));
            check(failures, "elevenlabs " + new String(elevenBody, StandardCharsets.UTF_8),
                    http.post().uri("/webhooks/elevenlabs/fuzz-hooks").contentType(MediaType.APPLICATION_JSON)
                            .header(ElevenLabsSignature.HEADER, ElevenLabsSignature.sign("eleven-secret",
                                    elevenBody, Instant.now()))
                            .bodyValue(elevenBody).exchange());
            ObjectNode query = (ObjectNode) graphql.deepCopy();
            query.set("variables", mutate(query.get("variables"), 1 + random.nextInt(2)));
            String graphqlBody = mapper.writeValueAsString(query);
            check(failures, "graphql " + graphqlBody, post(SMITH_OPERATOR, "/graphql", graphqlBody));
            String parameters = "month=" + parameter() + "&from=" + parameter() + "&to=" + parameter() + "&asOf="
                    + parameter();
            check(failures, "sla " + parameters, get(SMITH_OPERATOR, "/api/v1/agents/fuzz-hooks/sla?" + parameters));
            check(failures, "sla summary " + parameters, get(SMITH_OPERATOR, "/api/v1/sla?" + parameters));
        }
        assertThat(failures).isEmpty();
    }

    private WebTestClient.ResponseSpec slack(String path, String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return http.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header(SlackRequestVerifier.TIMESTAMP_HEADER, timestamp)
                .header(SlackRequestVerifier.SIGNATURE_HEADER, SlackRequestVerifier.sign(
                        FakeIntegrations.SLACK_SIGNING_SECRET, timestamp, body))
                .bodyValue(body).exchange();
    }

    private static void check(List<String> failures, String what, WebTestClient.ResponseSpec response) {
        int status = response.returnResult(String.class).getStatus().value();
        if (status >= 500) {
            failures.add(status + " " + what);
        }
    }

    /** A query parameter value: valid, malformed, empty or absurd; URL-encoded. */
    private String parameter() {
        String value = switch (random.nextInt(8)) {
            case 0 -> "2026-11";
            case 1 -> "2026-11-01T00:00:00Z";
            case 2 -> "2026-12-01T00:00:00+01:00";
            case 3 -> "";
            case 4 -> "-999999999-01";
            case 5 -> "+999999999-12-31T23:59:59Z";
            case 6 -> "0000-00";
            default -> randomValue().asText();
        };
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private JsonNode mutate(JsonNode node, int times) {
        for (int t = 0; t < times; t++) {
            node = mutateOnce(node);
        }
        return node;
    }

    private JsonNode mutateOnce(JsonNode node) {
        if (node instanceof ObjectNode object && object.size() > 0 && random.nextInt(4) > 0) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(4)) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name, mutateOnce(object.get(name)));
                default -> object.set(name, randomValue());
            }
            return object;
        }
        if (node instanceof ArrayNode array && array.size() > 0 && random.nextInt(3) > 0) {
            int index = random.nextInt(array.size());
            array.set(index, mutateOnce(array.get(index)));
            return array;
        }
        return randomValue();
    }

    private JsonNode randomValue() {
        return switch (random.nextInt(14)) {
            case 0 -> JSON.nullNode();
            case 1 -> JSON.booleanNode(random.nextBoolean());
            case 2 -> JSON.numberNode(random.nextInt() - 1000);
            case 3 -> JSON.numberNode(1e308 * 10);
            case 4 -> JSON.numberNode(new BigInteger("123456789012345678901234567890"));
            case 5 -> JSON.numberNode(-0.5);
            case 6 -> JSON.textNode("");
            case 7 -> JSON.textNode("x".repeat(random.nextInt(5000)));
            case 8 -> JSON.textNode("P" + random.nextInt(100) + "DT-1H");
            case 9 -> JSON.textNode("\u0000\uD83D\uDE00'; DROP TABLE agents; --");
            case 10 -> JSON.textNode("2026-13-45T99:99:99+25:00");
            case 11 -> JSON.objectNode().put("nested", random.nextInt());
            case 12 -> JSON.arrayNode().add(JSON.arrayNode()).add(random.nextInt());
            default -> JSON.textNode(Integer.toString(random.nextInt(100)));
        };
    }
}
