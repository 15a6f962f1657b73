package dev.dialtone.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.dialtone.api.support.IntegrationTestBase;
import dev.dialtone.integrations.webhook.Signatures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.dialtone.api.support.TestKeys.JONES_OPERATOR;
import static dev.dialtone.api.support.TestKeys.SMITH_INGEST;
import static dev.dialtone.api.support.TestKeys.SMITH_OPERATOR;
import static dev.dialtone.api.support.TestKeys.SMITH_READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The incident engine seen from outside: signals in, pages and failover calls out, responders in between. */
class IncidentEngineIntegrationTest extends IntegrationTestBase {

    private static final AtomicInteger AGENTS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer receiver;

    @BeforeAll
    static void startReceiver() {
        receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        receiver.start();
        receiver.stubFor(WireMock.post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(200)));
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @Test
    void anOutagePagesUpTheLadderFailsOverAndFailsBackOnRecovery() throws Exception {
        String agent = agentWithLadder("PT3S", "PT3S", 0);
        Instant t = Instant.now();
        health(agent, "DOWN", t.minusSeconds(20), "a");
        health(agent, "DOWN", t.minusSeconds(10), "b");

        List<JsonNode> level1 = awaitPosts("/" + agent + "/level1", 1);
        assertThat(level1.get(0).get("type").asText()).isEqualTo("page");
        assertThat(level1.get(0).get("kind").asText()).isEqualTo("OUTAGE");
        assertThat(level1.get(0).get("severity").asText()).isEqualTo("critical");
        assertThat(level1.get(0).get("level").asInt()).isEqualTo(1);
        LoggedRequest page = requests("/" + agent + "/level1").get(0);
        assertThat(Signatures.matches("level-1-secret", page.getBody(), page.getHeader(Signatures.HEADER))).isTrue();
        String incidentId = level1.get(0).get("incidentId").asText();
        assertThat(incidentId).isEqualTo(agent + "-1");
        assertThat(level1.get(0).get("runbookUrl").asText()).contains("/runbooks/outage?incident=" + incidentId + "&sig=");

        List<JsonNode> failover = awaitPosts("/" + agent + "/failover", 1);
        assertThat(failover.get(0).get("action").asText()).isEqualTo("ACTIVATE");
        assertThat(failover.get(0).get("backupNumber").asText()).isEqualTo("+14155550199");
        LoggedRequest activate = requests("/" + agent + "/failover").get(0);
        assertThat(Signatures.matches("failover-secret", activate.getBody(), activate.getHeader(Signatures.HEADER)))
                .isTrue();

        List<JsonNode> level2 = awaitPosts("/" + agent + "/level2", 1);
        assertThat(level2.get(0).get("level").asInt()).isEqualTo(2);

        post(SMITH_OPERATOR, "/api/v1/incidents/" + incidentId + "/acknowledge", "{\"by\": \"alice\"}")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ACKNOWLEDGED");
        awaitPosts("/" + agent + "/level1", 2);
        awaitPosts("/" + agent + "/level2", 2);

        health(agent, "UP", Instant.now(), "c");
        health(agent, "UP", Instant.now(), "d");
        awaitPosts("/" + agent + "/failover", 2);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                get(SMITH_READER, "/api/v1/incidents/" + incidentId).expectStatus().isOk().expectBody()
                        .jsonPath("$.status").isEqualTo("RESOLVED")
                        .jsonPath("$.resolvedBy").isEqualTo("detection")
                        .jsonPath("$.acknowledgedBy").isEqualTo("alice")
                        .jsonPath("$.startedAt").isEqualTo(instantJson(t.minusSeconds(20))));

        List<String> timeline = timelineTypes(incidentId);
        assertThat(timeline).containsSubsequence("opened", "escalated", "notification-delivered", "escalated",
                "acknowledged", "resolved");
        assertThat(timeline).contains("failover-activated", "failover-deactivated");
        assertThat(postBodies("/" + agent + "/failover").get(1).get("action").asText()).isEqualTo("DEACTIVATE");

        Thread.sleep(4_000); // longer than any ack timeout: nothing more may arrive
        assertThat(postBodies("/" + agent + "/level1").stream().map(b -> b.get("type").asText()))
                .containsExactly("page", "acknowledged", "resolved");
        assertThat(postBodies("/" + agent + "/level2").stream().map(b -> b.get("type").asText()))
                .containsExactly("page", "acknowledged", "resolved");
    }

    @Test
    void aFailingReceiverIsRetriedWithTheSameIdempotencyKeyUntilItAnswers() throws Exception {
        String agent = agentWithLadder("PT1M", "PT1M", 0);
        String path = "/" + agent + "/level1";
        receiver.stubFor(WireMock.post(urlEqualTo(path)).inScenario(agent).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        receiver.stubFor(WireMock.post(urlEqualTo(path)).inScenario(agent).whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("third"));
        receiver.stubFor(WireMock.post(urlEqualTo(path)).inScenario(agent).whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(200)));
        health(agent, "DOWN", Instant.now().minusSeconds(5), "a");
        health(agent, "DOWN", Instant.now(), "b");

        List<LoggedRequest> attempts = await().atMost(Duration.ofSeconds(30))
                .until(() -> requests(path), list -> list.size() >= 3);
        assertThat(attempts).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(agent + "-1/n1");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(timelineTypes(agent + "-1"))
                .containsSubsequence("notification-failed", "notification-failed", "notification-delivered"));
        Thread.sleep(3_000);
        assertThat(requests(path)).as("delivered once it answered 200: no more attempts").hasSize(3);
    }

    @Test
    void responderActionsAreCheckedAndAnotherTenantSeesNothing() {
        String agent = agentWithLadder("PT1M", "PT1M", 0);
        health(agent, "DOWN", Instant.now().minusSeconds(5), "a");
        health(agent, "DOWN", Instant.now(), "b");
        String incident = agent + "-1";
        awaitPosts("/" + agent + "/level1", 1);

        post(JONES_OPERATOR, "/api/v1/incidents/" + incident + "/acknowledge", "{}").expectStatus().isNotFound();
        get(JONES_OPERATOR, "/api/v1/incidents/" + incident).expectStatus().isNotFound();
        post(SMITH_OPERATOR, "/api/v1/incidents/no-such-incident-9/acknowledge", "{}").expectStatus().isNotFound();
        post(SMITH_READER, "/api/v1/incidents/" + incident + "/acknowledge", "{}").expectStatus().isForbidden();

        post(SMITH_OPERATOR, "/api/v1/incidents/" + incident + "/escalate", "{\"reason\": \"need the vendor\"}")
                .expectStatus().isOk();
        List<JsonNode> level2 = awaitPosts("/" + agent + "/level2", 1);
        assertThat(level2.get(0).get("type").asText()).isEqualTo("page");

        as(SMITH_OPERATOR).post().uri("/api/v1/incidents/" + incident + "/resolve").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.resolvedBy").isEqualTo("api:smith-law");
        post(SMITH_OPERATOR, "/api/v1/incidents/" + incident + "/resolve", "{\"note\": \"again\"}")
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType("application/problem+json");
        post(SMITH_OPERATOR, "/api/v1/incidents/" + incident + "/acknowledge", "{\"bogus\": 1}")
                .expectStatus().isBadRequest();
    }

    @Test
    void nothingOpensInsideMaintenanceAndWindowsAreValidated() {
        String agent = agentWithLadder("PT1M", "PT1M", 0);
        Instant now = Instant.now();
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent + "/maintenance-windows/release-42", """
                {"from": "%s", "to": "%s", "reason": "carrier migration"}
                """.formatted(now.minusSeconds(600), now.plusSeconds(600)))
                .expectStatus().isCreated();
        get(SMITH_READER, "/api/v1/agents/" + agent + "/maintenance-windows").expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].windowId").isEqualTo("release-42");
        health(agent, "DOWN", now.minusSeconds(20), "a");
        health(agent, "DOWN", now.minusSeconds(10), "b");
        health(agent, "UP", now.minusSeconds(5), "c"); // a later fact processed after the two: detection has run
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                get(SMITH_READER, "/api/v1/agents/" + agent).expectBody()
                        .jsonPath("$.status.healthChecks.UP").isEqualTo(1));
        get(SMITH_READER, "/api/v1/incidents?agentId=" + agent).expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);

        put(SMITH_OPERATOR, "/api/v1/agents/" + agent + "/maintenance-windows/bad", """
                {"from": "%s", "to": "%s"}""".formatted(now, now.minusSeconds(1)))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
        as(SMITH_OPERATOR).delete().uri("/api/v1/agents/" + agent + "/maintenance-windows/release-42").exchange()
                .expectStatus().isNoContent();
        as(SMITH_OPERATOR).delete().uri("/api/v1/agents/" + agent + "/maintenance-windows/release-42").exchange()
                .expectStatus().isNotFound();
        as(JONES_OPERATOR).delete().uri("/api/v1/agents/" + agent + "/maintenance-windows/x").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void aSilentLineOpensASilenceIncidentAndTheNextCallEndsIt() {
        String agent = "silent-" + AGENTS.incrementAndGet();
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent, """
                {"name": "Quiet line", "timezone": "UTC", "detection": {"silence": "PT2S"}}""")
                .expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                get(SMITH_READER, "/api/v1/incidents?agentId=" + agent + "&status=OPEN").expectBody()
                        .jsonPath("$.items[0].kind").isEqualTo("SILENCE"));
        post(SMITH_INGEST, "/api/v1/signals/calls", """
                {"id": "%s-call", "agentId": "%s", "occurredAt": "%s", "outcome": "ANSWERED"}"""
                .formatted(agent, agent, Instant.now())).expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                get(SMITH_READER, "/api/v1/incidents/" + agent + "-1").expectBody()
                        .jsonPath("$.status").isEqualTo("RESOLVED"));
    }

    @Test
    void incidentsAreListedNewestFirstPageByPage() throws Exception {
        String agent = agentWithLadder("PT1M", "PT1M", 0);
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent, """
                {"name": "Flappy", "timezone": "UTC", "detection": {"reopenWindow": "PT1S"}}""")
                .expectStatus().isOk();
        Instant t = Instant.now().minusSeconds(300);
        for (int i = 0; i < 3; i++) {
            health(agent, "DOWN", t.plusSeconds(i * 60), "d1-" + i);
            health(agent, "DOWN", t.plusSeconds(i * 60 + 10), "d2-" + i);
            health(agent, "UP", t.plusSeconds(i * 60 + 20), "u1-" + i);
            health(agent, "UP", t.plusSeconds(i * 60 + 30), "u2-" + i);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                get(SMITH_READER, "/api/v1/incidents?agentId=" + agent).expectBody()
                        .jsonPath("$.items.length()").isEqualTo(3));
        byte[] firstPage = get(SMITH_READER, "/api/v1/incidents?agentId=" + agent + "&limit=2").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].id").isEqualTo(agent + "-3")
                .jsonPath("$.items[1].id").isEqualTo(agent + "-2")
                .jsonPath("$.items[0].timeline").doesNotExist()
                .returnResult().getResponseBody();
        String cursor = JSON.readTree(firstPage).get("nextCursor").asText();
        get(SMITH_READER, "/api/v1/incidents?agentId=" + agent + "&limit=2&cursor=" + cursor).expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(agent + "-1")
                .jsonPath("$.nextCursor").isEmpty();
        get(SMITH_READER, "/api/v1/incidents?status=SIDEWAYS&limit=0&cursor=nope&colour=red").expectStatus()
                .isBadRequest().expectBody().jsonPath("$.errors.length()").isEqualTo(4);
    }

    private String agentWithLadder(String first, String second, int repeat) {
        String agent = "engine-" + AGENTS.incrementAndGet();
        String base = receiver.baseUrl() + "/" + agent;
        put(SMITH_OPERATOR, "/api/v1/escalation-policies/" + agent + "-policy", """
                {"name": "Ladder", "repeat": %d, "levels": [
                  {"ackTimeout": "%s", "targets": [{"type": "webhook", "url": "%s/level1", "secret": "level-1-secret"},
                                                 {"type": "pagerduty", "routingKey": "R0UT1NGKEY"}]},
                  {"ackTimeout": "%s", "targets": [{"type": "webhook", "url": "%s/level2"}]}]}
                """.formatted(repeat, first, base, second, base)).expectStatus().isCreated();
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent, """
                {"name": "Engine line", "timezone": "UTC", "escalationPolicyId": "%s-policy",
                 "failover": {"url": "%s/failover", "backupNumber": "+14155550199", "secret": "failover-secret"}}
                """.formatted(agent, base)).expectStatus().isCreated();
        return agent;
    }

    private void health(String agent, String status, Instant at, String id) {
        post(SMITH_INGEST, "/api/v1/signals/health-checks", """
                {"id": "%s-%s", "agentId": "%s", "check": "sip-options", "occurredAt": "%s", "status": "%s"}
                """.formatted(agent, id, agent, at, status)).expectStatus().isAccepted();
    }

    private List<String> timelineTypes(String incidentId) throws Exception {
        byte[] body = get(SMITH_READER, "/api/v1/incidents/" + incidentId).expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        List<String> types = new java.util.ArrayList<>();
        JSON.readTree(body).get("timeline").forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }

    private static List<LoggedRequest> requests(String path) {
        return receiver.findAll(postRequestedFor(urlEqualTo(path)));
    }

    private static List<JsonNode> postBodies(String path) {
        return requests(path).stream().map(r -> {
            try {
                return JSON.readTree(r.getBody());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<JsonNode> awaitPosts(String path, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> requests(path).size() >= count);
        return postBodies(path);
    }

    private static String instantJson(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    }
}
