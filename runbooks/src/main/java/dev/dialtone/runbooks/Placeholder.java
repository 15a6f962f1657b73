package dev.dialtone.runbooks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{name}}} slots a runbook may use, each with the words a page shows when the incident did not fill it,
 * so a responder never reads a raw {@code {{...}}}.
 */
enum Placeholder {
    AGENT_NAME("agentName", "the agent", "<agent-name>", false),
    AGENT_ID("agentId", "the agent's id", "<agent-id>", false),
    PHONE_NUMBERS("phoneNumbers", "the agent's phone numbers", "<phone-numbers>", false),
    BACKUP_NUMBER("backupNumber", "the backup number", "<backup-number>", false),
    FAILOVER_URL("failoverUrl", "the agent's failover URL", "<failover-url>", true),
    ESCALATION_POLICY("escalationPolicy", "the agent's escalation policy", "<escalation-policy>", false),
    TIMEZONE("timezone", "the agent's time zone", "<timezone>", false),
    INCIDENT_URL("incidentUrl", "the incident", "<incident-url>", true),
    DASHBOARD_URL("dashboardUrl", "the Dialtone dashboard", "<dashboard-url>", true);

    /** {@code {{name}}}; names are plain identifiers, so no Markdown syntax can split one across nodes. */
    static final Pattern PATTERN = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]*)}}");

    private final String key;
    private final String prose;
    private final String code;
    private final boolean url;

    Placeholder(String key, String prose, String code, boolean url) {
        this.key = key;
        this.prose = prose;
        this.code = code;
        this.url = url;
    }

    String key() {
        return key;
    }

    /** Whether a filled-in value that is an http(s) address should become a link. */
    boolean isUrl() {
        return url;
    }

    static Optional<Placeholder> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }

    /** The neutral words for running text, e.g. "the agent". */
    static String prose(String key) {
        return byKey(key).map(p -> p.prose).orElseGet(() -> words(key));
    }

    /** The neutral token for commands and code, e.g. {@code <agent-id>}, where prose would read as a value. */
    static String code(String key) {
        return byKey(key).map(p -> p.code).orElseGet(() -> "<" + words(key).replace(' ', '-') + ">");
    }

    /** Replaces every placeholder in {@code text} with what {@code replacement} gives for its key. */
    static String replace(String text, Function<String, String> replacement) {
        Matcher matcher = PATTERN.matcher(text);
        return matcher.find() ? matcher.replaceAll(m -> Matcher.quoteReplacement(replacement.apply(m.group(1))))
                : text;
    }

    /** A slot no runbook should use ({@code fooBar}) still reads as words ("foo bar"). */
    private static String words(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
