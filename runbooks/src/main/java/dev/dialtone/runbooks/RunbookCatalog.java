package dev.dialtone.runbooks;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The runbooks shipped on the classpath under {@code runbooks/}. The index is the table of contents: the runbooks
 * are the ones it links to, so the catalog works from inside a jar, where a directory cannot be listed.
 * Everything is read once, when the catalog is made; it is immutable and safe to share.
 */
public final class RunbookCatalog {

    /** The id of the page that lists all runbooks; not itself one of {@link #ids()}. */
    public static final String INDEX = "index";

    private static final String ROOT = "runbooks/";

    private final Map<String, String> markdown;
    private final Map<String, String> titles;
    private final List<String> ids;

    /** Reads the runbooks with this module's class loader. */
    public RunbookCatalog() {
        this(RunbookCatalog.class.getClassLoader());
    }

    /** Reads the runbooks with the given class loader; fails if the index links to a runbook that is missing. */
    RunbookCatalog(ClassLoader classLoader) {
        Parser parser = Parser.builder().build();
        Map<String, String> sources = new LinkedHashMap<>();
        String index = read(classLoader, INDEX)
                .orElseThrow(() -> new IllegalStateException(ROOT + INDEX + ".md is not on the classpath"));
        sources.put(INDEX, index);
        for (String id : linkedIds(parser.parse(index))) {
            if (!id.equals(INDEX)) {
                sources.put(id, read(classLoader, id).orElseThrow(() -> new IllegalStateException(
                        "index.md links to runbook '" + id + "', but " + ROOT + id + ".md is not on the classpath")));
            }
        }
        Map<String, String> headings = new LinkedHashMap<>();
        sources.forEach((id, source) -> headings.put(id, firstHeading(parser.parse(source))
                .map(heading -> Placeholder.replace(heading, Placeholder::prose)).orElse(id)));
        this.markdown = Collections.unmodifiableMap(sources);
        this.titles = Collections.unmodifiableMap(headings);
        this.ids = sources.keySet().stream().filter(id -> !id.equals(INDEX)).toList();
    }

    /** The runbook ids in the order the index lists them, e.g. {@code outage}, {@code llm-provider}. */
    public List<String> ids() {
        return ids;
    }

    /** Whether {@code id} is a runbook (the index is not). */
    public boolean exists(String id) {
        return id != null && !id.equals(INDEX) && markdown.containsKey(id);
    }

    /** The Markdown source of a runbook or of the {@link #INDEX}, placeholders unreplaced. */
    public String markdown(String id) {
        return require(markdown, id);
    }

    /** The first {@code # } heading of a runbook or of the index, with neutral words for its placeholders. */
    public String title(String id) {
        return require(titles, id);
    }

    private static String require(Map<String, String> values, String id) {
        String value = values.get(id);
        if (value == null) {
            throw new IllegalArgumentException("no runbook '" + id + "'; the runbooks are " + values.keySet());
        }
        return value;
    }

    private static Optional<String> read(ClassLoader classLoader, String id) {
        try (InputStream in = classLoader.getResourceAsStream(ROOT + id + ".md")) {
            return in == null ? Optional.empty()
                    : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT + id + ".md", e);
        }
    }

    private static Set<String> linkedIds(Node document) {
        Set<String> linked = new LinkedHashSet<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                RunbookLink.parse(link.getDestination()).ifPresent(target -> linked.add(target.id()));
                visitChildren(link);
            }
        });
        return linked;
    }

    /** The words of the first {@code # } heading, placeholders as they are. */
    static Optional<String> firstHeading(Node document) {
        List<Heading> headings = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (heading.getLevel() == 1) {
                    headings.add(heading);
                }
            }
        });
        return headings.stream().findFirst().map(MarkdownText::of);
    }

    @Override
    public String toString() {
        return "RunbookCatalog" + ids;
    }
}
