package dev.dialtone.runbooks;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The house format of the runbooks, so a responder finds the same parts in the same place in every one. */
class RunbookContentTest {

    private static final List<String> SECTIONS = List.of("Symptoms", "First five minutes",
            "Manual failover and failback", "Who to call", "Verify recovery");
    private static final List<String> PLACEHOLDERS = List.of("agentName", "agentId", "phoneNumbers",
            "backupNumber", "failoverUrl", "escalationPolicy", "timezone", "incidentUrl", "dashboardUrl");

    private final RunbookCatalog catalog = new RunbookCatalog();
    private final Parser parser = Parser.builder().build();

    static List<String> runbookIds() {
        return RunbookCatalogTest.RUNBOOK_IDS;
    }

    static List<String> allPages() {
        return RunbookCatalogTest.concat(RunbookCatalog.INDEX, RunbookCatalogTest.RUNBOOK_IDS);
    }

    @ParameterizedTest
    @MethodSource("runbookIds")
    void hasTheFiveSectionsInOrder(String id) {
        List<String> sections = new ArrayList<>();
        parser.parse(catalog.markdown(id)).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (heading.getLevel() == 2) {
                    sections.add(MarkdownText.of(heading));
                }
            }
        });

        assertThat(sections).containsExactlyElementsOf(SECTIONS);
    }

    @ParameterizedTest
    @MethodSource("allPages")
    void usesOnlyTheNinePlaceholders(String id) {
        String markdown = catalog.markdown(id);
        List<String> used = new ArrayList<>();
        Matcher matcher = Placeholder.PATTERN.matcher(markdown);
        while (matcher.find()) {
            used.add(matcher.group(1));
        }

        assertThat(used).isSubsetOf(PLACEHOLDERS);
        assertThat(count(markdown, "{{")).as("a '{{' that is not a well-formed placeholder").isEqualTo(used.size());
    }

    @ParameterizedTest
    @MethodSource("allPages")
    void everyRelativeLinkTargetsARunbook(String id) {
        List<String> broken = new ArrayList<>();
        links(parser.parse(catalog.markdown(id))).stream()
                .filter(destination -> !destination.matches("(?i)(https?|mailto):.*") && !destination.startsWith("#"))
                .filter(destination -> RunbookLink.parse(destination)
                        .filter(target -> catalog.exists(target.id()) || target.id().equals(RunbookCatalog.INDEX))
                        .isEmpty())
                .forEach(broken::add);

        assertThat(broken).as("links in %s.md to no runbook", id).isEmpty();
    }

    @Test
    void thePlaceholdersTheRendererKnowsAreTheNine() {
        assertThat(Arrays.stream(Placeholder.values()).map(Placeholder::key)).containsExactlyElementsOf(PLACEHOLDERS);
    }

    private static List<String> links(Node document) {
        List<String> destinations = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                destinations.add(link.getDestination());
                visitChildren(link);
            }
        });
        return destinations;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
