package dev.dialtone.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.api.support.IntegrationTestBase;
import dev.dialtone.api.support.Payloads;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
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
