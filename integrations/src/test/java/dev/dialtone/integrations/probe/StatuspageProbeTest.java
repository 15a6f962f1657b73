package dev.dialtone.integrations.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.dialtone.domain.signal.api.HealthStatus;
import dev.dialtone.integrations.probe.StatuspageResult.ComponentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class StatuspageProbeTest {

    private static final String SUMMARY = "/api/v2/summary.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StatuspageProbe probe = new StatuspageProbe();
    private WireMockServer page;

    @BeforeEach
    void start() {
        page = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        page.start();
    }

    @AfterEach
    void stop() {
        page.stop();
    }

    @Test
    void readsThePublishedSampleAsItStands() throws IOException {
        serve(sample());

        StatuspageResult result = probe.probe(watching("Chat Completions", "Embeddings"));

        assertThat(result.result().status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(result.result().detail()).isEqualTo("openai: Embeddings degraded_performance");
        assertThat(result.result().latencyMs()).isNotNull();
        assertThat(result.components()).containsExactly(
                new ComponentStatus("Chat Completions", "operational"),
                new ComponentStatus("Embeddings", "degraded_performance"));
        page.verify(getRequestedFor(urlEqualTo(SUMMARY))
                .withHeader("User-Agent", equalTo("Dialtone-Probe/1"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void allWatchedComponentsOperationalIsUp() throws IOException {
        serve(withStatuses(Map.of("Embeddings", "operational")));

        StatuspageResult result = probe.probe(watching("Chat Completions", "Embeddings"));

        assertThat(result.result().status()).isEqualTo(HealthStatus.UP);
        assertThat(result.result().detail()).isEqualTo("openai: Chat Completions, Embeddings operational");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "operational, UP",
            "under_maintenance, DEGRADED",
            "degraded_performance, DEGRADED",
            "partial_outage, DEGRADED",
            "major_outage, DOWN",
            "a_status_added_later, DEGRADED"})
    void aWatchedComponentsStatusMapsToHealth(String status, HealthStatus expected) throws IOException {
        serve(withStatuses(Map.of("Embeddings", "operational", "Chat Completions", status)));

        StatuspageResult result = probe.probe(watching("Chat Completions"));

        assertThat(result.result().status()).isEqualTo(expected);
        assertThat(result.result().detail()).isEqualTo("openai: Chat Completions " + status);
    }

    @Test
    void theWorstWatchedComponentDecidesAndEveryProblemIsNamedWorstFirst() throws IOException {
        serve(withStatuses(Map.of("Embeddings", "degraded_performance", "Chat Completions", "major_outage",
                "Batch", "under_maintenance")));

        StatuspageResult result = probe.probe(watching("Embeddings", "Batch", "Chat Completions", "Fine-tuning"));

        assertThat(result.result().status()).isEqualTo(HealthStatus.DOWN);
        assertThat(result.result().detail()).isEqualTo(
                "openai: Chat Completions major_outage, Embeddings degraded_performance, Batch under_maintenance");
    }

    @Test
    void namesAreMatchedIgnoringCaseAndReportedAsThePageSpellsThem() throws IOException {
        serve(withStatuses(Map.of("Chat Completions", "partial_outage")));

        StatuspageResult result = probe.probe(watching("  chat COMPLETIONS "));

        assertThat(result.result().status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(result.components()).containsExactly(new ComponentStatus("Chat Completions", "partial_outage"));
    }

    @Test
    void aGroupCanBeWatchedAndAChildSharingItsNameCountsToo() throws IOException {
        ObjectNode summary = withStatuses(Map.of());
        componentById(summary, "c6yt0l3hn9wf").put("status", "major_outage");
        serve(summary);

        StatuspageResult result = probe.probe(watching("Realtime", "APIs"));

        assertThat(result.result().status()).isEqualTo(HealthStatus.DOWN);
        assertThat(result.result().detail()).isEqualTo("openai: Realtime major_outage, APIs degraded_performance");
    }

    @Test
    void aWatchedComponentMissingFromThePageIsDegradedNotDown() throws IOException {
        serve(withStatuses(Map.of("Embeddings", "operational")));

        StatuspageResult result = probe.probe(watching("Chat Completions", "Assistants"));

        assertThat(result.result().status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(result.result().detail()).isEqualTo("openai: component \"Assistants\" not on the status page");
        assertThat(result.components()).containsExactly(new ComponentStatus("Chat Completions", "operational"));
    }

    @Test
    void aMissingComponentDoesNotHideAnOutage() throws IOException {
        serve(withStatuses(Map.of("Chat Completions", "major_outage")));

        StatuspageResult result = probe.probe(watching("Chat Completions", "Assistants"));

        assertThat(result.result().status()).isEqualTo(HealthStatus.DOWN);
        assertThat(result.result().detail()).isEqualTo(
                "openai: Chat Completions major_outage, component \"Assistants\" not on the status page");
    }

    @ParameterizedTest(name = "{0} is {2}")
    @CsvSource({
            "none, All Systems Operational, UP",
            "minor, Partially Degraded Service, DEGRADED",
            "maintenance, Service Under Maintenance, DEGRADED",
            "major, Partial System Outage, DOWN",
            "critical, Major System Outage, DOWN",
            "an_indicator_added_later, Something New, DEGRADED"})
    void withoutWatchedComponentsTheOverallIndicatorDecides(String indicator, String description,
                                                            HealthStatus expected) throws IOException {
        ObjectNode summary = sample();
        ((ObjectNode) summary.path("status")).put("indicator", indicator).put("description", description);
        serve(summary);

        StatuspageResult result = probe.probe(watching());

        assertThat(result.result().status()).isEqualTo(expected);
        assertThat(result.result().detail()).isEqualTo("openai: " + description + " (" + indicator + ")");
        assertThat(result.components()).hasSize(11).contains(new ComponentStatus("APIs", "degraded_performance"));
    }

    @Test
    void aPageUrlThatAlreadyNamesTheSummaryIsUsedAsIs() throws IOException {
        serve(sample());
        StatuspageCheck check = new StatuspageCheck(URI.create(page.baseUrl() + SUMMARY), List.of(), "openai",
                Duration.ofSeconds(5));

        assertThat(probe.probe(check).result().detail()).isEqualTo("openai: Partially Degraded Service (minor)");
        page.verify(1, getRequestedFor(urlEqualTo(SUMMARY)));
    }

    @Test
    void aServerErrorIsDegradedBecauseThePageSaysLittleAboutTheVendor() {
        page.stubFor(get(SUMMARY).willReturn(aResponse().withStatus(500).withBody("oops")));

        StatuspageResult result = probe.probe(watching("Chat Completions"));

        assertThat(result.result().status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(result.result().detail()).isEqualTo("openai: status page unreachable: HTTP 500");
        assertThat(result.components()).isEmpty();
    }

    @Test
    void aMovedPageIsReportedWithItsNewAddress() {
        page.stubFor(get(SUMMARY).willReturn(aResponse().withStatus(301)
                .withHeader("Location", "https://status.example-ai.test/")));

        StatuspageResult result = probe.probe(watching("Chat Completions"));

        assertThat(result.result().status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(result.result().detail())
                .isEqualTo("openai: status page unreachable: HTTP 301 to https://status.example-ai.test/");
    }

    @Test
    void aPageThatIsNotJsonIsDegraded() {
        page.stubFor(get(SUMMARY).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!DOCTYPE html><html><head><title>Example AI Status</title></head></html>")));

        StatuspageResult result = probe.probe(watching("Chat Completions"));

        assertThat(result.result().status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(result.result().detail())
                .isEqualTo("openai: status page unreachable: not JSON (text/html; charset=utf-8)");
    }

    @Test
    void jsonWithoutComponentsIsDegraded() throws IOException {
        ObjectNode summary = sample();
        summary.remove("components");
        serve(summary);

        StatuspageResult result = probe.probe(watching());

        assertThat(result.result().status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(result.result().detail()).isEqualTo("openai: status page unreachable: no components in the summary");
    }

    @Test
    void aPageThatDoesNotAnswerInTimeIsDegraded() throws IOException {
        page.stubFor(get(SUMMARY).willReturn(aResponse().withStatus(200).withBody(sample().toString())
                .withFixedDelay(5_000)));
        StatuspageCheck check = watching("Chat Completions");

        long started = System.nanoTime();
        StatuspageResult result = probe.probe(new StatuspageCheck(check.pageUrl(), check.components(), "openai",
                Duration.ofSeconds(1)));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(result.result().status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(result.result().detail()).isEqualTo("openai: status page unreachable: timeout after 1000 ms");
        assertThat(result.result().latencyMs()).isNull();
    }

    private StatuspageCheck watching(String... components) {
        return new StatuspageCheck(URI.create(page.baseUrl() + "/"), List.of(components), "openai",
                Duration.ofSeconds(5));
    }

    private void serve(JsonNode summary) {
        page.stubFor(get(SUMMARY).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(summary.toString())));
    }

    private static ObjectNode sample() throws IOException {
        try (InputStream in = StatuspageProbeTest.class.getResourceAsStream("/probe/summary.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    /** The sample with the named (non-group) components set to the given statuses. */
    private static ObjectNode withStatuses(Map<String, String> statuses) throws IOException {
        ObjectNode summary = sample();
        for (JsonNode component : summary.path("components")) {
            String status = statuses.get(component.path("name").asText());
            if (status != null && !component.path("group").asBoolean()) {
                ((ObjectNode) component).put("status", status);
            }
        }
        return summary;
    }

    private static ObjectNode componentById(ObjectNode summary, String id) {
        for (JsonNode component : summary.path("components")) {
            if (component.path("id").asText().equals(id)) {
                return (ObjectNode) component;
            }
        }
        throw new IllegalArgumentException("no component " + id + " in the sample");
    }
}
