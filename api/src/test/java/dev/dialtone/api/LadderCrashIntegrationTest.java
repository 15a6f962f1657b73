package dev.dialtone.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.dialtone.api.support.DialtoneProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.dialtone.api.support.TestKeys.SMITH_INGEST;
import static dev.dialtone.api.support.TestKeys.SMITH_OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 in the middle of an escalation: the level-2 ack timeout falls due while Dialtone is down, and fires once
 * after the restart; nothing already sent is sent again.
 */
class LadderCrashIntegrationTest {

    private WireMockServer receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        receiver.start();
        receiver.stubFor(WireMock.post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(200)));
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop();
    }

    @Test
    void aTimeoutThatFellDueWhileDownFiresOnceAfterTheRestart() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "ladder-crash-")
                .toAbsolutePath();
        Instant killedAt;
        try (DialtoneProcess first = DialtoneProcess.start(dataDir)) {
            WebTestClient operator = first.client(SMITH_OPERATOR);
            operator.put().uri("/api/v1/escalation-policies/ladder").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("""
                            {"name": "Ladder", "levels": [
                              {"ackTimeout": "PT4S", "targets": [{"type": "webhook", "url": "%s/level1"}]},
                              {"ackTimeout": "PT1M", "targets": [{"type": "webhook", "url": "%s/level2"}]}]}
                            """.formatted(receiver.baseUrl(), receiver.baseUrl()))
                    .exchange().expectStatus().isCreated();
            operator.put().uri("/api/v1/agents/crash-ladder").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"name\": \"Crash ladder\", \"timezone\": \"UTC\", \"escalationPolicyId\": \"ladder\"}")
                    .exchange().expectStatus().isCreated();
            Instant now = Instant.now();
            first.client(SMITH_INGEST).post().uri("/api/v1/signals/health-checks")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                            [{"id": "d1", "agentId": "crash-ladder", "check": "sip", "occurredAt": "%s", "status": "DOWN"},
                             {"id": "d2", "agentId": "crash-ladder", "check": "sip", "occurredAt": "%s", "status": "DOWN"}]
                            """.formatted(now.minusSeconds(10), now))
                    .exchange().expectStatus().isAccepted();

            operator.put().uri("/api/v1/agents/half-run").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"name\": \"Half a run\", \"timezone\": \"UTC\", \"escalationPolicyId\": \"ladder\"}")
                    .exchange().expectStatus().isCreated();
            first.client(SMITH_INGEST).post().uri("/api/v1/signals/health-checks")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                            {"id": "h1", "agentId": "half-run", "check": "sip", "occurredAt": "%s", "status": "DOWN"}
                            """.formatted(now))
                    .exchange().expectStatus().isAccepted();

            await().atMost(Duration.ofSeconds(30)).until(() -> requests("/level1").size() == 1);
            Thread.sleep(1_000); // let detection see half-run's first failure before the crash
            first.kill9();
            killedAt = Instant.now();
        }
        Thread.sleep(6_000); // the level-1 ack timeout (4 s) passes while nothing runs

        Instant restartedAt = Instant.now();
        try (DialtoneProcess second = DialtoneProcess.start(dataDir)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> requests("/level2").size() >= 1);
            Thread.sleep(3_000); // time for any duplicate to show up
            List<LoggedRequest> level2 = requests("/level2");
            assertThat(level2).hasSize(1);
            assertThat(level2.get(0).getLoggedDate().toInstant()).isAfter(restartedAt);
            assertThat(requests("/level1")).as("level 1 is not paged again").hasSize(1);
            assertThat(killedAt).isBefore(restartedAt);

            // detection state survived: the second failure of a run begun before the crash completes it
            second.client(SMITH_INGEST).post().uri("/api/v1/signals/health-checks")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                            {"id": "h2", "agentId": "half-run", "check": "sip", "occurredAt": "%s", "status": "DOWN"}
                            """.formatted(Instant.now()))
                    .exchange().expectStatus().isAccepted();
            await().atMost(Duration.ofSeconds(30)).until(() -> requests("/level1").size() == 2);
            second.stop();
        }
    }

    @Test
    void aPageInFlightWhenKilledGoesOutAfterTheRestartAsTheSameAlert() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "page-crash-")
                .toAbsolutePath();
        String eventsUrl = "--dialtone.pagerduty.events-url=" + receiver.baseUrl() + "/pd/v2/enqueue";
        // PagerDuty hangs: the page is on the wire when the process dies
        receiver.stubFor(WireMock.post(urlEqualTo("/pd/v2/enqueue")).atPriority(1)
                .willReturn(aResponse().withStatus(202).withFixedDelay(60_000)));
        try (DialtoneProcess first = DialtoneProcess.start(dataDir, eventsUrl)) {
            WebTestClient operator = first.client(SMITH_OPERATOR);
            operator.put().uri("/api/v1/escalation-policies/pager").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("""
                            {"name": "Pager", "levels": [{"ackTimeout": "PT10M",
                              "targets": [{"type": "pagerduty", "routingKey": "R0UT1NGKEY0000000000000000000042"}]}]}
                            """)
                    .exchange().expectStatus().isCreated();
            operator.put().uri("/api/v1/agents/crash-page").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"name\": \"Crash page\", \"timezone\": \"UTC\", \"escalationPolicyId\": \"pager\"}")
                    .exchange().expectStatus().isCreated();
            Instant now = Instant.now();
            first.client(SMITH_INGEST).post().uri("/api/v1/signals/health-checks")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                            [{"id": "p1", "agentId": "crash-page", "check": "sip", "occurredAt": "%s", "status": "DOWN"},
                             {"id": "p2", "agentId": "crash-page", "check": "sip", "occurredAt": "%s", "status": "DOWN"}]
                            """.formatted(now.minusSeconds(10), now))
                    .exchange().expectStatus().isAccepted();
            await().atMost(Duration.ofSeconds(30)).until(() -> requests("/pd/v2/enqueue").size() == 1);
            first.kill9();
        }
        receiver.resetMappings();
        receiver.stubFor(WireMock.post(urlEqualTo("/pd/v2/enqueue")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"x\"}")));

        try (DialtoneProcess second = DialtoneProcess.start(dataDir, eventsUrl)) {
            // the dead node's picked delivery is revived once its heartbeats are missed (4 x 10 s)
            await().atMost(Duration.ofSeconds(90)).until(() -> requests("/pd/v2/enqueue").size() >= 2);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> second.client(SMITH_OPERATOR).get()
                    .uri("/api/v1/incidents/crash-page-1").exchange().expectBody()
                    .jsonPath("$.timeline[?(@.type == 'notification-delivered')]").exists());
            Thread.sleep(3_000);
            List<LoggedRequest> pages = requests("/pd/v2/enqueue");
            assertThat(pages).as("the page was resent once, not again and again").hasSize(2);
            assertThat(pages).extracting(LoggedRequest::getBodyAsString)
                    .allMatch(body -> body.contains("\"dedup_key\":\"dialtone/crash-page-1\""))
                    .allMatch(body -> body.contains("\"event_action\":\"trigger\""));
            second.stop();
        }
    }

    private List<LoggedRequest> requests(String path) {
        return receiver.findAll(postRequestedFor(urlEqualTo(path)));
    }
}
