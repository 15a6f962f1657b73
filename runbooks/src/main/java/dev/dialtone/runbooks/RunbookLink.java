package dev.dialtone.runbooks;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A relative link from one runbook to another ({@code outage}, {@code ./outage}, {@code outage.md#symptoms}), the
 * way the Markdown files refer to each other so they also read well in a repository browser.
 *
 * @param id       the runbook id, e.g. {@code llm-provider}
 * @param query    the link's own query string without {@code ?}, or empty
 * @param fragment the link's fragment with its {@code #}, or empty
 */
record RunbookLink(String id, String query, String fragment) {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /** The runbook a link destination points at, or empty for absolute links, anchors and anything else. */
    static Optional<RunbookLink> parse(String destination) {
        if (destination == null) {
            return Optional.empty();
        }
        String rest = destination.trim();
        if (rest.isEmpty() || "/#?".indexOf(rest.charAt(0)) >= 0 || SCHEME.matcher(rest).find()) {
            return Optional.empty();
        }
        if (rest.startsWith("./")) {
            rest = rest.substring(2);
        }
        String fragment = "";
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = rest.substring(hash);
            rest = rest.substring(0, hash);
        }
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        if (rest.endsWith(".md")) {
            rest = rest.substring(0, rest.length() - 3);
        }
        return ID.matcher(rest).matches() ? Optional.of(new RunbookLink(rest, query, fragment)) : Optional.empty();
    }
}
