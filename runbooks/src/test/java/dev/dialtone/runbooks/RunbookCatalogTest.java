package dev.dialtone.runbooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunbookCatalogTest {

    /** The index's order: by incident kind, then by failure family. */
    static final List<String> RUNBOOK_IDS = List.of("outage", "degraded", "silence", "budget-burn",
            "llm-provider", "telephony-carrier", "transfer-failures", "speech", "no-traffic");

    private final RunbookCatalog catalog = new RunbookCatalog();

    @Test
    void holdsTheNineRunbooksTheIndexLinksToInItsOrder() {
        assertThat(catalog.ids()).containsExactlyElementsOf(RUNBOOK_IDS);
        assertThat(RUNBOOK_IDS).allSatisfy(id -> assertThat(catalog.exists(id)).as(id).isTrue());
    }

    @Test
    void titlesReadAsSentencesWithoutPlaceholders() {
        assertThat(catalog.title("outage")).isEqualTo("Outage: the agent is not answering");
        assertThat(catalog.title("telephony-carrier"))
                .isEqualTo("Telephony or carrier failure: calls to the agent do not connect");
        assertThat(catalog.title(RunbookCatalog.INDEX)).isEqualTo("Runbooks");
    }

    @Test
    void markdownIsTheSourceWithItsPlaceholders() {
        assertThat(catalog.markdown("outage")).startsWith("# Outage: {{agentName}} is not answering\n");
        assertThat(catalog.markdown(RunbookCatalog.INDEX)).startsWith("# Runbooks\n");
    }

    @Test
    void theIndexAndUnknownNamesAreNotRunbooks() {
        assertThat(catalog.exists(RunbookCatalog.INDEX)).isFalse();
        assertThat(catalog.exists("nope")).isFalse();
        assertThat(catalog.exists("../pom")).isFalse();
        assertThat(catalog.exists(null)).isFalse();
        assertThatThrownBy(() -> catalog.markdown("nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nope'");
    }

    @Test
    void readsFromAJarWhereNoDirectoryCanBeListed(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("runbooks.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String id : concat(RunbookCatalog.INDEX, RUNBOOK_IDS)) {
                out.putNextEntry(new JarEntry("runbooks/" + id + ".md"));
                out.write(catalog.markdown(id).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        try (URLClassLoader jarOnly = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
            RunbookCatalog fromJar = new RunbookCatalog(jarOnly);

            assertThat(fromJar.ids()).containsExactlyElementsOf(RUNBOOK_IDS);
            assertThat(fromJar.markdown("speech")).isEqualTo(catalog.markdown("speech"));
        }
    }

    @Test
    void aRunbookTheIndexLinksToButNobodyShippedStopsStartup(@TempDir Path dir) throws IOException {
        Path runbooks = Files.createDirectories(dir.resolve("runbooks"));
        Files.writeString(runbooks.resolve("index.md"), "# Runbooks\n\n- [Outage](outage)\n- [Gone](gone)\n");
        Files.writeString(runbooks.resolve("outage.md"), "# Outage\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> new RunbookCatalog(loader))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'gone'").hasMessageContaining("runbooks/gone.md");
        }
    }

    static List<String> concat(String first, List<String> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }
}
