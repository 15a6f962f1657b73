package dev.dialtone.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.api.support.DialtoneProcess;
import dev.dialtone.api.support.Payloads;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.dialtone.api.support.TestKeys.SMITH_INGEST;
import static dev.dialtone.api.support.TestKeys.SMITH_OPERATOR;
import static dev.dialtone.api.support.TestKeys.SMITH_READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 in the middle of a rebuild, after the bulk replay has saved some progress: after the restart the projections
 * processor replays the rest, and the read models end exactly as they were before the rebuild, with nothing counted
 * twice that the embedded server had already written past the saved progress, and nothing lost that it had not yet
 * committed.
 */
class RebuildCrashIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENT = "rebuild-crash-line";
    private static final int BATCHES = 200;
    private static final int BATCH = 1000;
    private static final Instant OCTOBER = Instant.parse("2026-10-02T00:00:00Z");
    private static final String REBUILD = "/api/v1/admin/projections/rebuild";
    private static final String REPORT = "/api/v1/agents/" + AGENT + "/sla?month=2026-10";

    @Test
    void aRebuildKilledMidwayIsFinishedByTheProcessorAndChangesNothing() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "rebuild-crash-")
                .toAbsolutePath();
        long calls = (long) BATCHES * BATCH;
        JsonNode before;
        try (DialtoneProcess first = DialtoneProcess.start(dataDir)) {
            first.client(SMITH_OPERATOR).put().uri("/api/v1/agents/" + AGENT)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Payloads.agent("Rebuild crash", null))
                    .exchange().expectStatus().isCreated();
            WebTestClient ingest = first.client(SMITH_INGEST);
            String[] outcomes = {"ANSWERED", "ANSWERED", "ANSWERED", "MISSED", "TRANSFERRED", "DROPPED"};
            for (int b = 0; b < BATCHES; b++) {
                List<String> items = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    int n = b * BATCH + i;
                    items.add(Payloads.call("rc-" + n, AGENT, OCTOBER.plusSeconds(n * 9L).toString(),
                            outcomes[n % outcomes.length]));
                }
                ingest.post().uri("/api/v1/signals/calls").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Payloads.batch(items.toArray(String[]::new)))
                        .exchange().expectStatus().isAccepted();
            }
            WebTestClient reader = first.client(SMITH_READER);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                    json(reader, REPORT).at("/calls/total").asLong() == calls);
            before = withoutAsOf(json(reader, REPORT));

            first.client(SMITH_OPERATOR).post().uri(REBUILD).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}").exchange().expectStatus().isAccepted();
            // progress is saved every 50,000 events: kill once at least two saves are behind the replay
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() ->
                    json(reader, REBUILD).get("position").asLong() >= 110_000);
            JsonNode killedAt = json(reader, REBUILD);
            first.kill9();
            assertThat(killedAt.get("state").asText()).as("the rebuild was still running when killed")
                    .isEqualTo("RUNNING");
        }

        try (DialtoneProcess second = DialtoneProcess.start(dataDir)) {
            WebTestClient reader = second.client(SMITH_READER);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                    json(reader, REPORT).at("/calls/total").asLong() >= calls);
            assertThat(withoutAsOf(json(reader, REPORT))).isEqualTo(before);
            JsonNode status = json(reader, "/api/v1/agents/" + AGENT);
            assertThat(status.at("/status/calls/inbound").asLong()).isEqualTo(calls);
            second.stop();
        }
    }

    private static JsonNode json(WebTestClient client, String uri) throws Exception {
        return JSON.readTree(client.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
    }

    private static JsonNode withoutAsOf(JsonNode json) {
        JsonNode copy = json.deepCopy();
        copy.findParents("asOf").forEach(parent -> ((ObjectNode) parent).remove("asOf"));
        return copy;
    }
}
