package dev.dialtone.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialtone.api.support.IntegrationTestBase;
import dev.dialtone.domain.incident.RunbookChoice;
import dev.dialtone.domain.incident.api.IncidentKind;
import dev.dialtone.runbooks.RunbookCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.dialtone.api.support.TestKeys.SMITH_INGEST;
import static dev.dialtone.api.support.TestKeys.SMITH_OPERATOR;
import static dev.dialtone.api.support.TestKeys.SMITH_READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The runbooks as a responder meets them: HTML pages, every link working, filled in only behind a signed link. */
class RunbookPagesIntegrationTest extends IntegrationTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HREF = Pattern.compile("href=\"(/runbooks[^\"]*)\"");

    @Test
    void everyIncidentKindAndFailureFamilyHasARunbook() {
        RunbookCatalog catalog = new RunbookCatalog();
        for (IncidentKind kind : IncidentKind.values()) {
            assertThat(catalog.exists(kind.runbookId())).as("runbook for %s", kind).isTrue();
        }
        assertThat(RunbookChoice.familyRunbookIds()).isNotEmpty()
                .allSatisfy(id -> assertThat(catalog.exists(id)).as("runbook for family %s", id).isTrue());
    }

    @Test
    void everyRunbookRendersAndEveryLinkBetweenThemResolves() {
        Set<String> pages = new LinkedHashSet<>();
        pages.add("/runbooks");
        pages.add("/runbooks/");
        new RunbookCatalog().ids().forEach(id -> pages.add("/runbooks/" + id));
        Set<String> linked = new LinkedHashSet<>();
        for (String page : pages) {
            String html = html(page, 200);
            assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("{{");
            Matcher href = HREF.matcher(html);
            while (href.find()) {
                linked.add(href.group(1).replace("&amp;", "&"));
            }
        }
        assertThat(linked).contains("/runbooks/outage", "/runbooks/llm-provider", "/runbooks/no-traffic");
        linked.forEach(link -> html(link.replaceAll("#.*", ""), 200));
        html("/runbooks/no-such-runbook", 404);
    }

    @Test
    void anIncidentsSignedLinkFillsInTheAgentAndATamperedOneDoesNot() throws Exception {
        String agent = "runbook-" + System.nanoTime() % 100_000;
        put(SMITH_OPERATOR, "/api/v1/escalation-policies/" + agent + "-policy", """
                {"name": "Night ladder", "levels": [{"ackTimeout": "PT5M", "targets": [{"type": "slack", "channel": "C0NIGHT"}]}]}""")
                .expectStatus().isCreated();
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent, """
                {"name": "Intake <b>line</b>", "phoneNumbers": ["+14155550100"], "timezone": "America/Chicago",
                 "escalationPolicyId": "%s-policy", "detection": {"silence": "P3650D"},
                 "failover": {"url": "https://example.test/failover", "backupNumber": "+14155550199"}}"""
                .formatted(agent)).expectStatus().isCreated();
        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) {
            post(SMITH_INGEST, "/api/v1/signals/calls", """
                    {"id": "%s-c%d", "agentId": "%s", "callId": "c%d", "occurredAt": "%s", "direction": "INBOUND",
                     "outcome": "DROPPED", "reason": "pipeline-error-openai-llm-failed"}"""
                    .formatted(agent, i, agent, i, now.minusSeconds(50 - i))).expectStatus().isAccepted();
        }
        String incidentId = agent + "-1";
        JsonNode incident = awaitIncident(incidentId);
        String url = incident.get("runbookUrl").asText();
        assertThat(url).contains("/runbooks/llm-provider?incident=" + incidentId + "&sig=");

        URI link = URI.create(url);
        String filled = html(link.getRawPath() + "?" + link.getRawQuery(), 200);
        assertThat(filled).contains("Intake &lt;b&gt;line&lt;/b&gt;", "+14155550100", "+14155550199",
                "https://example.test/failover", "America/Chicago", "Night ladder").doesNotContain("<b>line</b>");
        // links to other runbooks keep the incident's context
        assertThat(filled).contains("href=\"/runbooks?" + link.getRawQuery().replace("&", "&amp;"));

        String tampered = link.getRawPath() + "?incident=" + incidentId + "&sig=" + "0".repeat(32);
        assertThat(html(tampered, 200)).doesNotContain("+14155550100").contains("the agent");

        // the agent's own runbook replaces Dialtone's for that runbook id
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent, """
                {"name": "Intake line", "detection": {"silence": "P3650D"},
                 "runbookUrls": {"llm-provider": "https://wiki.smith-law.test/ai-line-down"}}""")
                .expectStatus().isOk();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(awaitIncident(incidentId).get("runbookUrl").asText())
                        .isEqualTo("https://wiki.smith-law.test/ai-line-down"));
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent, """
                {"name": "Intake line", "runbookUrls": {"llm": "https://wiki.smith-law.test/x"}}""")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("runbookUrls.llm");
    }

    private JsonNode awaitIncident(String incidentId) throws Exception {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var result = get(SMITH_READER, "/api/v1/incidents/" + incidentId).returnResult(byte[].class);
            if (result.getStatus().value() != 200) {
                return false;
            }
            found[0] = JSON.readTree(result.getResponseBodyContent());
            return true;
        });
        return found[0];
    }

    private String html(String path, int status) {
        return http.get().uri(path).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
