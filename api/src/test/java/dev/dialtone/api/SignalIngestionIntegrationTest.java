package dev.dialtone.api;

import dev.dialtone.api.support.IntegrationTestBase;
import dev.dialtone.api.support.Payloads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.dialtone.api.support.TestKeys.SMITH_INGEST;
import static dev.dialtone.api.support.TestKeys.SMITH_OPERATOR;
import static dev.dialtone.api.support.TestKeys.SMITH_READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SignalIngestionIntegrationTest extends IntegrationTestBase {

    private static final AtomicInteger AGENTS = new AtomicInteger();
    private static final String AT = "2026-11-25T03:12:00Z";

    @Autowired
    private JdbcTemplate jdbc;

    private String agent;

    @BeforeEach
    void createAgent() {
        agent = "ingest-agent-" + AGENTS.incrementAndGet();
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent, Payloads.agent("Intake", null))
                .expectStatus().isCreated();
    }

    @Test
    void acceptsOneSignalAndShowsItOnTheAgent() {
        post(SMITH_INGEST, "/api/v1/signals/calls", Payloads.call("c-1", agent, AT, "DROPPED"))
                .expectStatus().isAccepted()
                .expectBody().json("{\"accepted\": 1, \"duplicates\": 0}");
        post(SMITH_INGEST, "/api/v1/signals/health-checks", Payloads.healthCheck("h-1", agent, AT, "DOWN"))
                .expectStatus().isAccepted();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                get(SMITH_READER, "/api/v1/agents/" + agent).expectStatus().isOk().expectBody()
                        .jsonPath("$.status.lastCall.id").isEqualTo("c-1")
                        .jsonPath("$.status.lastCall.outcome").isEqualTo("DROPPED")
                        .jsonPath("$.status.lastCall.occurredAt").isEqualTo(AT)
                        .jsonPath("$.status.calls.inbound").isEqualTo(1)
                        .jsonPath("$.status.calls.byOutcome.DROPPED").isEqualTo(1)
                        .jsonPath("$.status.lastHealthCheck.status").isEqualTo("DOWN")
                        .jsonPath("$.status.healthChecks.DOWN").isEqualTo(1));
    }

    @Test
    void aSignalSeenBeforeIsCountedAsADuplicateAndChangesNothing() {
        String a = Payloads.call("dup-a", agent, AT, "ANSWERED");
        String b = Payloads.call("dup-b", agent, "2026-11-25T03:13:00Z", "ANSWERED");
        String c = Payloads.call("dup-c", agent, "2026-11-25T03:14:00Z", "MISSED");
        post(SMITH_INGEST, "/api/v1/signals/calls", Payloads.batch(a, b)).expectStatus().isAccepted()
                .expectBody().json("{\"accepted\": 2, \"duplicates\": 0}");
        post(SMITH_INGEST, "/api/v1/signals/calls", Payloads.batch(b, c)).expectStatus().isAccepted()
                .expectBody().json("{\"accepted\": 1, \"duplicates\": 1}");
        post(SMITH_INGEST, "/api/v1/signals/calls", Payloads.batch(c, c, a)).expectStatus().isAccepted()
                .expectBody().json("{\"accepted\": 0, \"duplicates\": 3}");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                get(SMITH_READER, "/api/v1/agents/" + agent).expectBody()
                        .jsonPath("$.status.calls.inbound").isEqualTo(3)
                        .jsonPath("$.status.calls.byOutcome.ANSWERED").isEqualTo(2)
                        .jsonPath("$.status.calls.byOutcome.MISSED").isEqualTo(1));
        assertThat(storedSignalEvents()).isEqualTo(3);
    }

    @Test
    void theSameIdUnderAnotherKindIsADifferentSignal() {
        post(SMITH_INGEST, "/api/v1/signals/calls", Payloads.call("same-id", agent, AT, "ANSWERED"))
                .expectBody().json("{\"accepted\": 1}");
        post(SMITH_INGEST, "/api/v1/signals/health-checks", Payloads.healthCheck("same-id", agent, AT, "UP"))
                .expectBody().json("{\"accepted\": 1}");
    }

    @Test
    void aBatchWithOneBadItemIsRejectedWholeAndStoresNothing() {
        String good1 = Payloads.call("half-1", agent, AT, "ANSWERED");
        String good2 = Payloads.call("half-2", agent, AT, "ANSWERED");
        String bad = Payloads.call("half-3", agent, "yesterday at noon", "ANSWERED");
        post(SMITH_INGEST, "/api/v1/signals/calls", Payloads.batch(good1, good2, bad))
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("[2].occurredAt");

        assertThat(storedSignalEvents()).isZero();
        post(SMITH_INGEST, "/api/v1/signals/calls", Payloads.batch(good1, good2))
                .expectStatus().isAccepted()
                .expectBody().json("{\"accepted\": 2, \"duplicates\": 0}");
    }

    @Test
    void anUnknownAgentRejectsTheBatchAndNamesTheItem() {
        post(SMITH_INGEST, "/api/v1/signals/calls", Payloads.batch(
                Payloads.call("u-1", agent, AT, "ANSWERED"),
                Payloads.call("u-2", "no-such-agent", AT, "ANSWERED")))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("[1].agentId")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("no-such-agent"));
        assertThat(storedSignalEvents()).isZero();
    }

    @Test
    void everyFieldProblemOfEveryItemIsReported() {
        String body = """
                [{"id": "ok", "agentId": "%s", "occurredAt": "2026-11-25T03:12:00Z", "outcome": "ANSWERED"},
                 {"id": "%s", "agentId": "%s", "occurredAt": "2026-11-25", "outcome": "HAPPY",
                  "direction": "SIDEWAYS", "durationSeconds": "long"},
                 42]
                """.formatted(agent, "x".repeat(129), agent);
        post(SMITH_INGEST, "/api/v1/signals/calls", body)
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields).containsExactly(
                        "[1].id", "[1].occurredAt", "[1].direction", "[1].outcome", "[1].durationSeconds", "[2]"));
    }

    @Test
    void signalsFromTheFarFutureAreRefused() {
        String future = Instant.now().plus(Duration.ofHours(2)).toString();
        post(SMITH_INGEST, "/api/v1/signals/calls", Payloads.call("future", agent, future, "ANSWERED"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("occurredAt");
    }

    @Test
    void concurrentDeliveriesOfTheSameBatchStoreEachSignalOnce() throws Exception {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            items.add(Payloads.call("race-" + i, agent, AT, i % 10 == 0 ? "MISSED" : "ANSWERED"));
        }
        String body = Payloads.batch(items.toArray(String[]::new));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Map<String, Object>>> posts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                posts.add(() -> post(SMITH_INGEST, "/api/v1/signals/calls", body)
                        .expectStatus().isAccepted()
                        .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                        }).returnResult().getResponseBody());
            }
            int accepted = 0;
            int duplicates = 0;
            for (Future<Map<String, Object>> answer : pool.invokeAll(posts)) {
                accepted += ((Number) answer.get().get("accepted")).intValue();
                duplicates += ((Number) answer.get().get("duplicates")).intValue();
            }
            assertThat(accepted).isEqualTo(200);
            assertThat(duplicates).isEqualTo(600);
        } finally {
            pool.shutdownNow();
        }
        assertThat(storedSignalEvents()).isEqualTo(200);
    }

    /** Counts this test's agent's signal events in the event store itself. */
    private int storedSignalEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry WHERE type IS NULL "
                + "AND convert_from(payload, 'UTF8')::jsonb ->> 'agentId' = ?", Integer.class, agent);
    }
}
