package dev.dialtone.api;

import dev.dialtone.api.support.DialtoneProcess;
import dev.dialtone.api.support.Payloads;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.dialtone.api.support.TestKeys.SMITH_INGEST;
import static dev.dialtone.api.support.TestKeys.SMITH_OPERATOR;
import static dev.dialtone.api.support.TestKeys.SMITH_READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** kill -9 of the JVM while signals are being ingested: what was acknowledged is there after the restart. */
class CrashRecoveryIntegrationTest {

    private static final String AGENT = "crash-line";
    private static final int BATCH = 100;

    @Test
    void everyAcknowledgedSignalSurvivesKillNineAndTheRestartRecoversTheOrphanedPostgres() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "crash-data-")
                .toAbsolutePath();
        List<String> acknowledgedBatches = new CopyOnWriteArrayList<>();

        try (DialtoneProcess first = DialtoneProcess.start(dataDir)) {
            first.client(SMITH_OPERATOR).put().uri("/api/v1/agents/" + AGENT)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Payloads.agent("Crash", null))
                    .exchange().expectStatus().isCreated();

            AtomicBoolean stop = new AtomicBoolean();
            Thread sender = new Thread(() -> sendUntilRefused(first.client(SMITH_INGEST), acknowledgedBatches, stop));
            sender.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledgedBatches.size() >= 10);
            first.kill9();
            stop.set(true);
            sender.join(30_000);
            assertThat(DialtoneProcess.postmaster(dataDir))
                    .as("kill -9 leaves the embedded PostgreSQL running without its JVM")
                    .isPresent();
        }

        try (DialtoneProcess second = DialtoneProcess.start(dataDir)) {
            WebTestClient ingest = second.client(SMITH_INGEST);
            for (String batch : acknowledgedBatches) {
                ingest.post().uri("/api/v1/signals/calls").contentType(MediaType.APPLICATION_JSON).bodyValue(batch)
                        .exchange().expectStatus().isAccepted()
                        .expectBody().json("{\"accepted\": 0, \"duplicates\": " + BATCH + "}");
            }
            long acknowledged = (long) acknowledgedBatches.size() * BATCH;
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    second.client(SMITH_READER).get().uri("/api/v1/agents/" + AGENT).exchange()
                            .expectBody().jsonPath("$.status.calls.inbound").value(inbound ->
                                    assertThat(((Number) inbound).longValue())
                                            .as("projected count: acknowledged plus any stored but unacknowledged")
                                            .isGreaterThanOrEqualTo(acknowledged)
                                            .isLessThanOrEqualTo(acknowledged + BATCH)));
            second.stop();
        }
        assertThat(DialtoneProcess.postmaster(dataDir)).as("a graceful stop also stops PostgreSQL").isEmpty();
    }

    private static void sendUntilRefused(WebTestClient client, List<String> acknowledged, AtomicBoolean stop) {
        for (int batch = 0; !stop.get(); batch++) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                items.add(Payloads.call("crash-" + batch + "-" + i, AGENT, "2026-11-25T03:12:00Z", "ANSWERED"));
            }
            String body = Payloads.batch(items.toArray(String[]::new));
            try {
                Map<String, Object> answer = client.post().uri("/api/v1/signals/calls")
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                        .exchange().expectStatus().isAccepted()
                        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                        }).returnResult().getResponseBody();
                if (answer != null && ((Number) answer.get("accepted")).intValue() == BATCH) {
                    acknowledged.add(body);
                }
            } catch (Throwable connectionLost) {
                return;
            }
        }
    }
}
