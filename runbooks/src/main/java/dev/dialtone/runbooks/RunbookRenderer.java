package dev.dialtone.runbooks;

import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * Renders a runbook, filled in with one incident's details, as a complete HTML page a responder can read on a phone
 * in the dark. Values are placed into the parsed document, never into the Markdown source, so a value is always
 * shown as the literal text it is; raw HTML in a runbook is shown as text too. Links between runbooks keep the
 * page's query string, so the incident's details stay filled in as the responder moves from page to page.
 * Stateless and safe to share.
 */
public final class RunbookRenderer {

    /** Where the runbook pages are served: {@code /runbooks} lists them, {@code /runbooks/<id>} shows one. */
    public static final String DEFAULT_BASE_PATH = "/runbooks";

    private static final String STYLE = """
            :root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--soft:#f1f1f1;--line:#d6d6d6;--link:#0b57d0}
            @media (prefers-color-scheme:dark){:root{--fg:#e9e9e9;--bg:#111;--soft:#1e1e1e;--line:#333;\
            --link:#8ab4f8}}
            *{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--fg);font:18px/1.55 system-ui,-apple-system,"Segoe UI",\
            Roboto,sans-serif;-webkit-text-size-adjust:100%}
            nav,main{max-width:46rem;margin:0 auto;padding:0 1rem}
            nav{padding-top:.75rem}
            main{padding-bottom:3rem;overflow-wrap:anywhere}
            h1{font-size:1.55rem;line-height:1.25;margin:1rem 0}
            h2{font-size:1.25rem;margin:2rem 0 .5rem;padding-top:1rem;border-top:1px solid var(--line)}
            a{color:var(--link);text-underline-offset:.15em}
            li{margin:.4rem 0}
            code{font:.88em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);\
            padding:.1em .3em;border-radius:4px;overflow-wrap:anywhere}
            pre{background:var(--soft);padding:.75rem;border-radius:6px;overflow-x:auto}
            pre code{padding:0;background:none;overflow-wrap:normal}
            """;

    private final RunbookCatalog catalog;
    private final String basePath;
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer html = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> new HeadingAnchors())
            .build();

    /** Links point at {@value #DEFAULT_BASE_PATH}. */
    public RunbookRenderer(RunbookCatalog catalog) {
        this(catalog, DEFAULT_BASE_PATH);
    }

    /** @param basePath the path the runbook pages are served under, e.g. {@code /dialtone/runbooks} behind a proxy */
    public RunbookRenderer(RunbookCatalog catalog, String basePath) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        String path = basePath == null ? "" : basePath.strip().replaceAll("/+$", "");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("the runbooks' base path must start with '/', e.g. "
                    + DEFAULT_BASE_PATH + ", but was '" + basePath + "'");
        }
        this.basePath = path;
    }

    /**
     * One runbook (or the {@link RunbookCatalog#INDEX}) as a complete HTML page.
     *
     * @param values placeholder values by name ({@code agentName}, {@code phoneNumbers}...); a missing or blank
     *               value is shown as neutral words ("the agent")
     * @param query  the query string the page was opened with ({@code ?} optional), carried into the links to other
     *               runbooks; null or blank for none
     * @throws IllegalArgumentException for an id the catalog does not know
     */
    public String render(String id, Map<String, String> values, String query) {
        Node document = parser.parse(catalog.markdown(id));
        String context = query(query);
        fillIn(document, filled(values));
        rewriteLinks(document, context);
        String title = RunbookCatalog.firstHeading(document).orElse(id);
        String indexHref = RunbookCatalog.INDEX.equals(id) ? null : withQuery(basePath, "", context);
        return page(title, indexHref, html.render(document));
    }

    /** The list of all runbooks as a complete HTML page; see {@link #render}. */
    public String renderIndex(String query) {
        return render(RunbookCatalog.INDEX, Map.of(), query);
    }

    private static Map<String, String> filled(Map<String, String> values) {
        Map<String, String> filled = new HashMap<>();
        if (values != null) {
            values.forEach((key, value) -> {
                if (key != null && value != null && !value.isBlank()) {
                    filled.put(key, value.strip());
                }
            });
        }
        return filled;
    }

    /** Puts the values (or neutral words) into the parsed document, where the HTML renderer escapes them. */
    private static void fillIn(Node document, Map<String, String> values) {
        Function<String, String> prose = key -> values.getOrDefault(key, Placeholder.prose(key));
        Function<String, String> code = key -> values.getOrDefault(key, Placeholder.code(key));
        for (Node node : nodes(document)) {
            if (node instanceof Text text) {
                fillIn(text, values);
            } else if (node instanceof Code c) {
                c.setLiteral(Placeholder.replace(c.getLiteral(), code));
            } else if (node instanceof FencedCodeBlock block) {
                block.setLiteral(Placeholder.replace(block.getLiteral(), code));
            } else if (node instanceof IndentedCodeBlock block) {
                block.setLiteral(Placeholder.replace(block.getLiteral(), code));
            } else if (node instanceof HtmlInline raw) {
                raw.setLiteral(Placeholder.replace(raw.getLiteral(), prose));
            } else if (node instanceof HtmlBlock raw) {
                raw.setLiteral(Placeholder.replace(raw.getLiteral(), prose));
            } else if (node instanceof Link link) {
                fillIn(link, values, prose);
            } else if (node instanceof Image image) {
                image.setDestination(Placeholder.replace(image.getDestination(), code));
                if (image.getTitle() != null) {
                    image.setTitle(Placeholder.replace(image.getTitle(), prose));
                }
            }
        }
    }

    /** Splits a text around its placeholders; a URL value becomes a link the responder can tap. */
    private static void fillIn(Text text, Map<String, String> values) {
        String literal = text.getLiteral();
        Matcher matcher = Placeholder.PATTERN.matcher(literal);
        if (!matcher.find()) {
            return;
        }
        boolean insideLink = false;
        for (Node parent = text.getParent(); parent != null; parent = parent.getParent()) {
            insideLink |= parent instanceof Link;
        }
        List<Node> parts = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int end = 0;
        do {
            plain.append(literal, end, matcher.start());
            String key = matcher.group(1);
            String value = values.get(key);
            boolean url = value != null && !insideLink && value.matches("(?i)https?://\\S+")
                    && Placeholder.byKey(key).map(Placeholder::isUrl).orElse(false);
            if (url) {
                parts.add(new Text(plain.toString()));
                plain.setLength(0);
                Link link = new Link(value, null);
                link.appendChild(new Text(value));
                parts.add(link);
            } else {
                plain.append(value != null ? value : Placeholder.prose(key));
            }
            end = matcher.end();
        } while (matcher.find());
        plain.append(literal, end, literal.length());
        parts.add(new Text(plain.toString()));
        for (Node part : parts) {
            if (!(part instanceof Text t) || !t.getLiteral().isEmpty()) {
                text.insertBefore(part);
            }
        }
        text.unlink();
    }

    /** A link whose target is an unfilled placeholder leads nowhere: it is shown as plain text. */
    private static void fillIn(Link link, Map<String, String> values, Function<String, String> prose) {
        if (link.getTitle() != null) {
            link.setTitle(Placeholder.replace(link.getTitle(), prose));
        }
        String destination = link.getDestination();
        if (destination == null || !Placeholder.PATTERN.matcher(destination).find()) {
            return;
        }
        Matcher matcher = Placeholder.PATTERN.matcher(destination);
        boolean complete = true;
        while (matcher.find()) {
            complete &= values.containsKey(matcher.group(1));
        }
        if (complete) {
            link.setDestination(Placeholder.replace(destination, values::get));
        } else {
            Node child = link.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                link.insertBefore(child);
                child = next;
            }
            link.unlink();
        }
    }

    /** Points links between runbooks at the served pages, keeping the page's query string. */
    private void rewriteLinks(Node document, String context) {
        for (Node node : nodes(document)) {
            if (node instanceof Link link) {
                RunbookLink.parse(link.getDestination())
                        .filter(target -> catalog.exists(target.id()) || RunbookCatalog.INDEX.equals(target.id()))
                        .ifPresent(target -> link.setDestination(withQuery(
                                RunbookCatalog.INDEX.equals(target.id()) ? basePath : basePath + "/" + target.id(),
                                target.query(), context) + target.fragment()));
            }
        }
    }

    private static String withQuery(String path, String own, String context) {
        String query = own.isEmpty() ? context : context.isEmpty() ? own : own + "&" + context;
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** The query string without its {@code ?} and without any fragment. */
    private static String query(String query) {
        if (query == null) {
            return "";
        }
        String trimmed = query.strip();
        int hash = trimmed.indexOf('#');
        if (hash >= 0) {
            trimmed = trimmed.substring(0, hash);
        }
        return trimmed.startsWith("?") ? trimmed.substring(1) : trimmed;
    }

    /** Every node of the document, collected first so that filling in can change the tree. */
    private static List<Node> nodes(Node document) {
        List<Node> nodes = new ArrayList<>();
        collect(document, nodes);
        return nodes;
    }

    private static void collect(Node node, List<Node> nodes) {
        nodes.add(node);
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            collect(child, nodes);
        }
    }

    private static String page(String title, String indexHref, String body) {
        StringBuilder page = new StringBuilder(body.length() + STYLE.length() + 1024);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; img-src 'self' https: data:\">\n")
                .append("<meta name=\"referrer\" content=\"same-origin\">\n")
                .append("<title>").append(escape(title)).append(" · Dialtone</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        if (indexHref != null) {
            page.append("<nav><a href=\"").append(escape(indexHref)).append("\">All runbooks</a></nav>\n");
        }
        return page.append("<main>\n").append(body).append("</main>\n</body>\n</html>\n").toString();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Gives each heading an id ({@code #verify-recovery}), so a link can open a page at the right section. */
    private static final class HeadingAnchors implements AttributeProvider {

        private final Set<String> used = new HashSet<>();

        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Heading heading) {
                String slug = MarkdownText.of(heading).toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
                if (!slug.isEmpty()) {
                    String id = slug;
                    for (int n = 2; !used.add(id); n++) {
                        id = slug + "-" + n;
                    }
                    attributes.put("id", id);
                }
            }
        }
    }
}
