package dev.dialtone.api;

import dev.dialtone.api.support.IntegrationTestBase;
import dev.dialtone.api.support.Payloads;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.List;

import static dev.dialtone.api.support.TestKeys.SMITH_INGEST;
import static dev.dialtone.api.support.TestKeys.SMITH_OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a client sends, the answer is a clear 4xx problem, never a 5xx. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIntegrationTest extends IntegrationTestBase {

    private static final String AGENT = "bad-input-line";

    @BeforeAll
    void createAgent() {
        put(SMITH_OPERATOR, "/api/v1/agents/" + AGENT, Payloads.agent("Bad input", null))
                .expectStatus().value(s -> assertThat(s).isIn(200, 201));
    }

    @Test
    void malformedJsonIsABadRequestWithItsPosition() {
        post(SMITH_INGEST, "/api/v1/signals/calls", "{\"id\": \"x\", ")
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("line 1"));
    }

    @Test
    void aBodyOverOneMebibyteIsTooLarge() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            items.add("{\"id\": \"big-%d\", \"agentId\": \"%s\", \"occurredAt\": \"2026-11-25T03:12:00Z\", "
                    .formatted(i, AGENT) + "\"outcome\": \"ANSWERED\", \"reason\": \"" + "r".repeat(1200) + "\"}");
        }
        post(SMITH_INGEST, "/api/v1/signals/calls", "[" + String.join(",", items) + "]")
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType("application/problem+json");
    }

    @Test
    void moreThanAThousandSignalsAreRefused() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(Payloads.call("many-" + i, AGENT, "2026-11-25T03:12:00Z", "ANSWERED"));
        }
        post(SMITH_INGEST, "/api/v1/signals/calls", Payloads.batch(items.toArray(String[]::new)))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("at most 1000"));
    }

    @Test
    void aThousandSignalsAreFine() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(Payloads.call("thousand-" + i, AGENT, "2026-11-25T03:12:00Z", "ANSWERED"));
        }
        post(SMITH_INGEST, "/api/v1/signals/calls", Payloads.batch(items.toArray(String[]::new)))
                .expectStatus().isAccepted()
                .expectBody().json("{\"accepted\": 1000, \"duplicates\": 0}");
    }

    @Test
    void wrongTypesAndValuesAreNamed() {
        String[] bodies = {
                "[]", "\"text\"", "17", "null", "[[]]",
                "{\"id\": 5, \"agentId\": \"" + AGENT + "\", \"occurredAt\": \"2026-11-25T03:12:00Z\", \"outcome\": 1}",
                "{\"id\": \"t\", \"agentId\": \"" + AGENT + "\", \"occurredAt\": 1732504320, \"outcome\": \"ANSWERED\"}",
                "{\"id\": \"t\", \"agentId\": \"" + AGENT + "\", \"occurredAt\": \"2026-11-25T03:12:00\", "
                        + "\"outcome\": \"ANSWERED\"}",
                "{\"id\": \"t\", \"agentId\": \"" + AGENT + "\", \"occurredAt\": \"2026-11-25T03:12:00Z\", "
                        + "\"outcome\": \"ANSWERED\", \"durationSeconds\": -1}",
                "{\"id\": \"t\", \"id\": \"u\", \"agentId\": \"" + AGENT + "\"}"};
        for (String body : bodies) {
            post(SMITH_INGEST, "/api/v1/signals/calls", body)
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType("application/problem+json");
        }
        post(SMITH_INGEST, "/api/v1/signals/health-checks",
                Payloads.healthCheck("h", AGENT, "2026-11-25T03:12:00Z", "SORT_OF"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
    }

    @Test
    void unsupportedMediaTypesAndMethodsAndPathsAreClear() {
        as(SMITH_INGEST).post().uri("/api/v1/signals/calls").contentType(MediaType.TEXT_PLAIN).bodyValue("hi")
                .exchange().expectStatus().isEqualTo(415);
        as(SMITH_INGEST).post().uri("/api/v1/signals/calls").exchange().expectStatus().value(s ->
                assertThat(s).isBetween(400, 499));
        post(SMITH_INGEST, "/api/v1/signals/sms", "{}").expectStatus().isNotFound();
        as(SMITH_OPERATOR).delete().uri("/api/v1/agents/" + AGENT).exchange().expectStatus().isEqualTo(405);
        get(SMITH_OPERATOR, "/api/v1/agents/NOT%20A%20SLUG").expectStatus().isBadRequest();
        get(SMITH_OPERATOR, "/api/v1/nowhere").expectStatus().isNotFound();
    }
}
