package dev.dialtone.api;

import dev.dialtone.api.store.EmbeddedMongoServer;
import dev.dialtone.api.store.EmbeddedPostgresServer;
import dev.dialtone.api.support.FakeIntegrations;
import dev.dialtone.api.support.IntegrationTestBase;
import dev.dialtone.api.support.Payloads;
import dev.dialtone.api.support.TestKeys;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.dialtone.api.support.TestKeys.SMITH_INGEST;
import static dev.dialtone.api.support.TestKeys.SMITH_OPERATOR;
import static dev.dialtone.api.support.TestKeys.SMITH_READER;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmbeddedStoresIntegrationTest extends IntegrationTestBase {

    @Autowired
    private EmbeddedPostgresServer postgres;
    @Autowired
    private EmbeddedMongoServer mongo;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theEmbeddedPostgresCommitsDurably() {
        assertThat(postgres.setting("fsync")).isEqualTo("on");
        assertThat(postgres.setting("synchronous_commit")).isEqualTo("on");
        assertThat(postgres.setting("full_page_writes")).isEqualTo("on");
    }

    @Test
    void eventsTokensSagasAndTimersAllLiveInPostgres() {
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'public'", String.class);
        assertThat(tables).contains("domainevententry", "snapshotevententry", "tokenentry", "sagaentry",
                "associationvalueentry", "scheduled_tasks", "agent_registry", "policy_registry");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = 'projections'",
                Integer.class)).isPositive();
    }

    @Test
    void withExternalUrlsNoEmbeddedServerStartsAndASecondNodeSharesTheStores() throws Exception {
        Path otherDataDir = Files.createTempDirectory(Path.of("target"), "external-node-");
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + postgres.user(),
                "--dialtone.mongodb.uri=" + mongo.connectionString(),
                "--dialtone.data-dir=" + otherDataDir,
                "--dialtone.node-id=second-node"));
        List.of(TestKeys.properties()).forEach(p -> args.add("--" + p));
        // the nodes of one cluster share their configuration
        FakeIntegrations.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(DialtoneApplication.class)
                .run(args.toArray(String[]::new))) {
            assertThat(second.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
            assertThat(second.getBeansOfType(EmbeddedMongoServer.class)).isEmpty();
            try (var files = Files.list(otherDataDir)) {
                assertThat(files).as("nothing is written to the second node's data directory").isEmpty();
            }

            String port = second.getEnvironment().getProperty("local.server.port");
            WebTestClient secondNode = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                    .responseTimeout(Duration.ofSeconds(30)).build();
            secondNode.put().uri("/api/v1/agents/shared-line")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + SMITH_OPERATOR)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Payloads.agent("Shared", null))
                    .exchange().expectStatus().isCreated();
            secondNode.post().uri("/api/v1/signals/calls")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + SMITH_INGEST)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Payloads.call("shared-1", "shared-line", "2026-11-25T03:12:00Z", "MISSED"))
                    .exchange().expectStatus().isAccepted();

            post(SMITH_INGEST, "/api/v1/signals/calls",
                    Payloads.call("shared-1", "shared-line", "2026-11-25T03:12:00Z", "MISSED"))
                    .expectStatus().isAccepted()
                    .expectBody().json("{\"accepted\": 0, \"duplicates\": 1}");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    get(SMITH_READER, "/api/v1/agents/shared-line").expectStatus().isOk().expectBody()
                            .jsonPath("$.name").isEqualTo("Shared")
                            .jsonPath("$.status.calls.byOutcome.MISSED").isEqualTo(1));

            // detection runs on both nodes; one owns the agent at a time, so one outage is one incident, one page
            WireMockServer receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            receiver.start();
            try {
                receiver.stubFor(WireMock.post(urlEqualTo("/page")).willReturn(aResponse().withStatus(200)));
                put(SMITH_OPERATOR, "/api/v1/escalation-policies/two-nodes", """
                        {"name": "Two nodes", "levels": [{"ackTimeout": "PT1H",
                          "targets": [{"type": "webhook", "url": "%s/page"}]}]}""".formatted(receiver.baseUrl()))
                        .expectStatus().isCreated();
                secondNode.put().uri("/api/v1/agents/two-node-line")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + SMITH_OPERATOR)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"name\": \"Two nodes\", \"timezone\": \"UTC\", \"escalationPolicyId\": \"two-nodes\"}")
                        .exchange().expectStatus().isCreated();
                Instant now = Instant.now();
                secondNode.post().uri("/api/v1/signals/health-checks")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + SMITH_INGEST)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                                {"id": "tn-1", "agentId": "two-node-line", "check": "sip", "occurredAt": "%s",
                                 "status": "DOWN"}""".formatted(now.minusSeconds(5)))
                        .exchange().expectStatus().isAccepted();
                post(SMITH_INGEST, "/api/v1/signals/health-checks", """
                        {"id": "tn-2", "agentId": "two-node-line", "check": "sip", "occurredAt": "%s",
                         "status": "DOWN"}""".formatted(now)).expectStatus().isAccepted();
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        receiver.findAll(postRequestedFor(urlEqualTo("/page"))).size() >= 1);
                Thread.sleep(2_000);
                assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/page")))).hasSize(1);
                get(SMITH_READER, "/api/v1/incidents?agentId=two-node-line").expectBody()
                        .jsonPath("$.items.length()").isEqualTo(1)
                        .jsonPath("$.items[0].id").isEqualTo("two-node-line-1");

                // a probe runs once per interval across both nodes
                List<Instant> runs = new CopyOnWriteArrayList<>();
                HttpServer peer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                peer.createContext("/health", exchange -> {
                    runs.add(Instant.now());
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
                peer.start();
                try {
                    secondNode.put().uri("/api/v1/agents/two-node-line/probes/health")
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + SMITH_OPERATOR)
                            .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                                    {"kind": "http", "interval": "PT10S", "timeout": "PT2S",
                                     "http": {"url": "http://127.0.0.1:%d/health", "expectedStatus": 204}}"""
                                    .formatted(peer.getAddress().getPort()))
                            .exchange().expectStatus().isCreated();
                    Thread.sleep(35_000);
                    assertThat(runs).as("one run per 10 s slot, whichever node takes it").hasSizeBetween(3, 4);
                    for (int i = 1; i < runs.size(); i++) {
                        assertThat(Duration.between(runs.get(i - 1), runs.get(i)))
                                .isBetween(Duration.ofSeconds(9), Duration.ofSeconds(11));
                    }
                } finally {
                    peer.stop(0);
                }
            } finally {
                receiver.stop();
            }
        }
    }
}
