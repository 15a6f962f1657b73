package dev.dialtone.runbooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunbookRendererTest {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final Map<String, String> ACME = Map.of(
            "agentName", "Acme Intake",
            "agentId", "acme-intake",
            "phoneNumbers", "+1 415 555 0100, +1 415 555 0101",
            "backupNumber", "+1 415 555 0199",
            "failoverUrl", "https://hooks.acme.example/failover",
            "escalationPolicy", "acme-after-hours",
            "timezone", "America/Los_Angeles",
            "incidentUrl", "https://dialtone.example.com/api/v1/incidents/acme-intake-3",
            "dashboardUrl", "https://dialtone.example.com/");

    private final RunbookCatalog catalog = new RunbookCatalog();
    private final RunbookRenderer renderer = new RunbookRenderer(catalog);

    static List<String> allPages() {
        return RunbookContentTest.allPages();
    }

    @ParameterizedTest
    @MethodSource("allPages")
    void everyPageIsACompletePhoneSizedDocumentWithNoPlaceholderLeft(String id) {
        for (Map<String, String> values : List.of(Map.<String, String>of(), ACME)) {
            String page = renderer.render(id, values, null);

            assertThat(page).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
                    .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                    .containsPattern("<title>[^<>{}]+ · Dialtone</title>")
                    .contains("<style>")
                    .doesNotContain("{{");
            assertThat(page.substring(page.indexOf("<body>"))).doesNotContain("}}");
        }
    }

    @Test
    void valuesAreShownAsTheLiteralTextTheyAre() {
        String page = renderer.render("outage", Map.of(
                "agentName", "<script>alert(1)</script>",
                "agentId", "*x*",
                "phoneNumbers", "[call me](javascript:alert(1)) & `more`"), null);

        assertThat(page).doesNotContain("<script>").doesNotContain("<em>").doesNotContain("href=\"javascript")
                .contains("<h1 id=\"outage-script-alert-1-script-is-not-answering\">"
                        + "Outage: &lt;script&gt;alert(1)&lt;/script&gt; is not answering</h1>")
                .contains("<code>*x*</code>").contains("INCIDENT=*x*-N")
                .contains("Callers to [call me](javascript:alert(1)) &amp; `more` are probably not reaching anyone");
    }

    @Test
    void missingOrBlankValuesReadAsNeutralWords() {
        String page = renderer.render("outage", Map.of("agentName", " "), null);

        assertThat(page)
                .contains("<title>Outage: the agent is not answering · Dialtone</title>")
                .contains("<h1 id=\"outage-the-agent-is-not-answering\">Outage: the agent is not answering</h1>")
                .contains("Callers to the agent's phone numbers are probably not reaching anyone")
                .contains("Incident: the incident · Dashboard: the Dialtone dashboard")
                .contains("INCIDENT=&lt;agent-id&gt;-N")
                .contains("curl -s -X POST '&lt;failover-url&gt;'");
    }

    @Test
    void valuesFillProseCodeAndCommands() {
        String page = renderer.render("outage", ACME, null);

        assertThat(page)
                .contains("<title>Outage: Acme Intake is not answering · Dialtone</title>")
                .contains("Dialtone opened an OUTAGE for Acme Intake (<code>acme-intake</code>)")
                .contains("Call one of +1 415 555 0100, +1 415 555 0101 from your own phone")
                .contains("INCIDENT=acme-intake-N")
                .contains("&quot;target&quot;: &quot;+1 415 555 0199&quot;")
                .contains("curl -s -X POST 'https://hooks.acme.example/failover'");
    }

    @Test
    void anAddressValueBecomesALinkOnlyWhenItIsHttp() {
        String page = renderer.render("outage", Map.of(
                "incidentUrl", "https://dialtone.example.com/api/v1/incidents/acme-intake-3",
                "dashboardUrl", "javascript:alert(1)"), null);

        assertThat(page)
                .contains("Incident: <a rel=\"nofollow\" href=\"https://dialtone.example.com/api/v1/incidents/"
                        + "acme-intake-3\">https://dialtone.example.com/api/v1/incidents/acme-intake-3</a>")
                .contains("Dashboard: javascript:alert(1) ·")
                .doesNotContain("href=\"javascript");
    }

    @Test
    void linksBetweenRunbooksPointAtTheServedPages() {
        String page = renderer.render("outage", Map.of(), null);

        assertThat(hrefs(page)).contains("/runbooks", "/runbooks/llm-provider", "/runbooks/telephony-carrier",
                "/runbooks/speech", "https://status.vapi.ai");
    }

    @Test
    void linksBetweenRunbooksKeepThePagesQueryString() {
        String query = "agentId=acme-intake&agentName=Acme%20Intake";

        for (String asGiven : List.of(query, "?" + query)) {
            String page = renderer.render("degraded", Map.of(), asGiven);

            assertThat(page)
                    .contains("<nav><a href=\"/runbooks?agentId=acme-intake&amp;agentName=Acme%20Intake\">")
                    .contains("href=\"/runbooks/transfer-failures?agentId=acme-intake&amp;agentName=Acme%20Intake\"");
        }
    }

    @Test
    void theIndexLinksWorkFromEitherAddressOfTheIndex() {
        List<String> links = hrefs(renderer.renderIndex("agentId=acme-intake"));

        assertThat(links).hasSize(10).allSatisfy(href -> assertThat(href).startsWith("/runbooks/")
                .endsWith("?agentId=acme-intake"));
        assertThat(links).extracting(href -> href.substring("/runbooks/".length(), href.indexOf('?')))
                .containsAll(RunbookCatalogTest.RUNBOOK_IDS);
        assertThat(renderer.renderIndex(null)).doesNotContain("<nav>").contains("href=\"/runbooks/outage\"");
    }

    @Test
    void codeBlocksArePreformatted() {
        String page = renderer.render("outage", Map.of(), null);

        assertThat(page).contains("<pre><code class=\"language-bash\">DIALTONE=https://dialtone.example.com");
    }

    @Test
    void sectionsCanBeLinkedTo() {
        String page = renderer.render("speech", Map.of(), null);

        assertThat(page).contains("<h2 id=\"first-five-minutes\">First five minutes</h2>")
                .contains("<h2 id=\"verify-recovery\">Verify recovery</h2>");
    }

    @Test
    void rawHtmlAndEveryFormOfRunbookLinkInASourceAreHandled(@TempDir Path dir) throws IOException {
        RunbookRenderer sample = new RunbookRenderer(catalogOf(dir, Map.of(
                "index", "# Runbooks\n\n- [Sample](./sample)\n",
                "sample", """
                        # Sample for {{agentName}}

                        <div onclick="x()">{{agentName}}</div>

                        Inline <b>bold</b>, [plain](sample), [dot](./sample), [file](sample.md#symptoms),
                        [back](index), [status](https://status.example.com/?a=1), [here](#symptoms),
                        [unknown](elsewhere), [open]({{incidentUrl}}), {{unheardOf}}.

                            indented {{agentId}}
                        """)), "/ops/runbooks/");

        String page = sample.render("sample", Map.of(), "agentId=a1");

        assertThat(page)
                .contains("&lt;div onclick=&quot;x()&quot;&gt;the agent&lt;/div&gt;")
                .contains("Inline &lt;b&gt;bold&lt;/b&gt;")
                .doesNotContain("<div onclick").doesNotContain("<b>");
        assertThat(hrefs(page)).containsExactly("/ops/runbooks?agentId=a1", "/ops/runbooks/sample?agentId=a1",
                "/ops/runbooks/sample?agentId=a1", "/ops/runbooks/sample?agentId=a1#symptoms",
                "/ops/runbooks?agentId=a1", "https://status.example.com/?a=1", "#symptoms", "elsewhere");
        assertThat(page).contains(", open, unheard of.")
                .contains("<pre><code>indented &lt;agent-id&gt;\n</code></pre>");
        assertThat(sample.render("sample", Map.of("incidentUrl", "https://d.example/i/1"), null))
                .contains("<a rel=\"nofollow\" href=\"https://d.example/i/1\">open</a>");
    }

    @Test
    void anUnknownRunbookIsRefused() {
        assertThatThrownBy(() -> renderer.render("../../etc/passwd", Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBasePathMustBeAPath() {
        assertThatThrownBy(() -> new RunbookRenderer(catalog, "runbooks"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with '/'");
    }

    private static List<String> hrefs(String page) {
        List<String> hrefs = new ArrayList<>();
        Matcher matcher = HREF.matcher(page);
        while (matcher.find()) {
            hrefs.add(matcher.group(1).replace("&amp;", "&"));
        }
        return hrefs;
    }

    private static RunbookCatalog catalogOf(Path dir, Map<String, String> pages) throws IOException {
        Path runbooks = Files.createDirectories(dir.resolve("runbooks"));
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Files.writeString(runbooks.resolve(page.getKey() + ".md"), page.getValue());
        }
        // the catalog reads everything in its constructor, so the loader may be closed right after
        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, null)) {
            return new RunbookCatalog(loader);
        }
    }
}
