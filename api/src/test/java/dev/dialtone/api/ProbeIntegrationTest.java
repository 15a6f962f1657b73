package dev.dialtone.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.sun.net.httpserver.HttpServer;
import dev.dialtone.api.support.FakeIntegrations;
import dev.dialtone.api.support.IntegrationTestBase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.dialtone.api.support.TestKeys.JONES_OPERATOR;
import static dev.dialtone.api.support.TestKeys.SMITH_OPERATOR;
import static dev.dialtone.api.support.TestKeys.SMITH_READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Active probes over HTTP: defined, validated and removed per agent; run against real peers on loopback; their
 * results flow through detection like any health check, so a stopped peer opens an OUTAGE; a vendor's status page
 * only ever supports one.
 */
class ProbeIntegrationTest extends IntegrationTestBase {

    private static final AtomicInteger AGENTS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void probesAreDefinedValidatedListedAndRemoved() {
        String agent = agent();
        String path = "/api/v1/agents/" + agent + "/probes/health-api";
        String body = """
                {"kind": "http", "interval": "PT30S", "timeout": "PT5S",
                 "http": {"url": "https://agent.example.test/health", "expectedStatus": 204, "bodyContains": "ok",
                          "degradedAfter": "PT2S", "headers": {"X-Check": "dialtone"}}}""";
        put(SMITH_OPERATOR, path, body).expectStatus().isCreated()
                .expectBody().jsonPath("$.probeId").isEqualTo("health-api")
                .jsonPath("$.http.method").isEqualTo("GET")
                .jsonPath("$.http.expectedStatus").isEqualTo(204);
        put(SMITH_OPERATOR, path, body).expectStatus().isOk();
        get(SMITH_READER, path).expectStatus().isOk().expectBody()
                .jsonPath("$.kind").isEqualTo("http")
                .jsonPath("$.interval").isEqualTo("PT30S")
                .jsonPath("$.http.degradedAfter").isEqualTo("PT2S")
                .jsonPath("$.http.headers.X-Check").isEqualTo("dialtone");
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent + "/probes/sip", """
                {"kind": "sip-options", "interval": "PT1M", "sip": {"uri": "sip:intake@sip.example.test:5060"}}""")
                .expectStatus().isCreated().expectBody().jsonPath("$.sip.transport").isEqualTo("udp")
                .jsonPath("$.timeout").isEqualTo("PT10S");
        get(SMITH_READER, "/api/v1/agents/" + agent + "/probes").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2);

        put(SMITH_OPERATOR, "/api/v1/agents/" + agent + "/probes/bad", """
                {"kind": "http", "interval": "PT5S", "timeout": "PT2M",
                 "http": {"url": "ftp://x", "method": "DELETE", "expectedStatus": 700}, "sip": {}}""")
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'interval')]").exists()
                .jsonPath("$.errors[?(@.field == 'timeout')]").exists()
                .jsonPath("$.errors[?(@.field == 'http.url')]").exists()
                .jsonPath("$.errors[?(@.field == 'http.method')]").exists()
                .jsonPath("$.errors[?(@.field == 'http.expectedStatus')]").exists()
                .jsonPath("$.errors[?(@.field == 'sip')]").exists();
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent + "/probes/bad", """
                {"kind": "sip-options", "sip": {"uri": "mailto:someone", "transport": "sctp"}}""")
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'sip.uri')]").exists()
                .jsonPath("$.errors[?(@.field == 'sip.transport')]").exists();
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent + "/probes/bad", """
                {"kind": "carrier-pigeon"}""").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("kind");
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent + "/probes/Not_A_Slug", body).expectStatus().isBadRequest();
        get(SMITH_READER, "/api/v1/agents/" + agent + "/probes/bad").expectStatus().isNotFound();

        put(JONES_OPERATOR, path, body).expectStatus().isNotFound();
        put(SMITH_READER, path, body).expectStatus().isForbidden();

        as(SMITH_OPERATOR).delete().uri(path).exchange().expectStatus().isNoContent();
        as(SMITH_OPERATOR).delete().uri(path).exchange().expectStatus().isNotFound();
        get(SMITH_READER, "/api/v1/agents/" + agent + "/probes").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1);
    }

    @Test
    void anHttpProbeAgainstAStoppedPeerOpensAnOutageWithinTwoIntervalsAndASecond() throws Exception {
        HttpServer peer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        peer.createContext("/health", exchange -> {
            byte[] ok = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        peer.start();
        String agent = agent();
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent + "/probes/health", """
                {"kind": "http", "interval": "PT10S", "timeout": "PT2S",
                 "http": {"url": "http://127.0.0.1:%d/health", "bodyContains": "ok"}}"""
                .formatted(peer.getAddress().getPort())).expectStatus().isCreated();

        await().atMost(Duration.ofSeconds(25)).untilAsserted(() -> get(SMITH_READER, "/api/v1/agents/" + agent)
                .expectBody().jsonPath("$.status.healthChecks.UP").value(up ->
                        assertThat(((Number) up).intValue()).isGreaterThanOrEqualTo(1)));
        JsonNode status = json(get(SMITH_READER, "/api/v1/agents/" + agent).expectBody().returnResult()
                .getResponseBody()).at("/status/lastHealthCheck");
        assertThat(status.get("check").asText()).isEqualTo("health");
        assertThat(status.get("latencyMs").asLong()).isGreaterThanOrEqualTo(0);

        peer.stop(0);
        Instant stopped = Instant.now();
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> get(SMITH_READER,
                "/api/v1/incidents?agentId=" + agent).expectBody().jsonPath("$.items[0].kind").isEqualTo("OUTAGE"));
        JsonNode incident = json(get(SMITH_READER, "/api/v1/incidents/" + agent + "-1").expectBody().returnResult()
                .getResponseBody());
        Instant detected = Instant.parse(incident.get("detectedAt").asText());
        assertThat(Duration.between(stopped, detected)).as("two intervals and a second")
                .isLessThanOrEqualTo(Duration.ofSeconds(21));
        assertThat(incident.get("evidence").toString()).contains("health DOWN");
        as(SMITH_OPERATOR).delete().uri("/api/v1/agents/" + agent + "/probes/health").exchange()
                .expectStatus().isNoContent();
    }

    @Test
    void aSipProbeAgainstASilentPeerRecordsDownChecks() throws Exception {
        String agent = agent();
        int port;
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = silent.getLocalPort();
        }
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent + "/probes/sip", """
                {"kind": "sip-options", "interval": "PT10S", "timeout": "PT2S",
                 "sip": {"uri": "sip:intake@127.0.0.1:%d", "transport": "udp"}}""".formatted(port))
                .expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(SMITH_READER, "/api/v1/agents/" + agent)
                .expectBody().jsonPath("$.status.healthChecks.DOWN").value(down ->
                        assertThat(((Number) down).intValue()).isGreaterThanOrEqualTo(1))
                .jsonPath("$.status.lastHealthCheck.check").isEqualTo("sip"));
        as(SMITH_OPERATOR).delete().uri("/api/v1/agents/" + agent + "/probes/sip").exchange()
                .expectStatus().isNoContent();
    }

    @Test
    void aVendorStatusPageOutageIsRecordedButOpensNoIncident() throws Exception {
        String agent = agent();
        String page = "/statuspage/" + agent;
        FakeIntegrations.server().stubFor(WireMock.get(urlPathEqualTo(page + "/api/v2/summary.json"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"page": {"id": "p1", "name": "OpenAI", "url": "https://status.openai.com"},
                         "status": {"indicator": "major", "description": "Major outage"},
                         "components": [
                           {"id": "c1", "name": "Chat Completions", "status": "major_outage", "group_id": null},
                           {"id": "c2", "name": "Realtime", "status": "operational", "group_id": null}],
                         "incidents": [], "scheduled_maintenances": []}""")));
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent + "/probes/openai", """
                {"kind": "statuspage", "interval": "PT10S", "timeout": "PT5S",
                 "statuspage": {"pageUrl": "%s%s", "components": ["Chat Completions"], "vendor": "openai"}}"""
                .formatted(FakeIntegrations.baseUrl(), page)).expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> get(SMITH_READER, "/api/v1/agents/" + agent)
                .expectBody().jsonPath("$.status.healthChecks.DOWN").value(down ->
                        assertThat(((Number) down).intValue()).isGreaterThanOrEqualTo(2)));
        JsonNode last = json(get(SMITH_READER, "/api/v1/agents/" + agent).expectBody().returnResult()
                .getResponseBody()).at("/status/lastHealthCheck");
        assertThat(last.get("detail").asText()).contains("openai", "Chat Completions", "major_outage");
        Thread.sleep(2_000); // detection has seen both by now; give it a moment more
        get(SMITH_READER, "/api/v1/incidents?agentId=" + agent).expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
        as(SMITH_OPERATOR).delete().uri("/api/v1/agents/" + agent + "/probes/openai").exchange()
                .expectStatus().isNoContent();
    }

    private String agent() {
        String agent = "probed-" + AGENTS.incrementAndGet();
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent, """
                {"name": "Probed line", "timezone": "UTC"}""").expectStatus().isCreated();
        return agent;
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
