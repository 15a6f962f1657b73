package dev.dialtone.api.config;

import dev.dialtone.domain.Slugs;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Dialtone's own settings ({@code dialtone.*}).
 *
 * @param dataDir       where the embedded stores keep their files
 * @param apiKeys       the API keys; empty on the embedded default means "generate a demo key"
 * @param publicBaseUrl how the world reaches this service (signature checks behind proxies, links in pages)
 * @param mongodb       the projection store; without a URI an embedded MongoDB-wire server starts
 * @param embedded      tuning of the embedded stores
 * @param pagerduty     where pages go and how PagerDuty's webhooks are checked
 * @param slack         the Slack app: bot token, signing secret, and whom it serves
 * @param probes        how active probes reach out
 */
@ConfigurationProperties("dialtone")
public record DialtoneProperties(@DefaultValue("./data") Path dataDir,
                                 List<ApiKey> apiKeys,
                                 @DefaultValue("http://localhost:8080") URI publicBaseUrl,
                                 @DefaultValue Mongodb mongodb,
                                 @DefaultValue Embedded embedded,
                                 @DefaultValue PagerDuty pagerduty,
                                 @DefaultValue Slack slack,
                                 @DefaultValue Probes probes) {

    /** Shorter keys are guessable; 20 characters of a random alphabet is the floor. */
    public static final int MIN_KEY_LENGTH = 20;

    public DialtoneProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < apiKeys.size(); i++) {
            ApiKey key = apiKeys.get(i);
            String prefix = "dialtone.api-keys[" + i + "]";
            if (key.key() == null || key.key().length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException(prefix + ".key must be at least " + MIN_KEY_LENGTH + " characters");
            }
            if (!seen.add(key.key())) {
                throw new IllegalArgumentException(prefix + ".key repeats an earlier key");
            }
            if (!Slugs.isSlug(key.tenant())) {
                throw new IllegalArgumentException(prefix + ".tenant must be a slug (lowercase letters, digits, '-')");
            }
            if (key.role() == null) {
                throw new IllegalArgumentException(prefix + ".role must be one of ingest, operator, reader");
            }
        }
        if (publicBaseUrl != null && (publicBaseUrl.getScheme() == null || publicBaseUrl.getHost() == null)) {
            throw new IllegalArgumentException("dialtone.public-base-url must be an absolute http(s) URL");
        }
    }

    /** One API key: it acts for one tenant, in one role. */
    public record ApiKey(String key, String tenant, Role role) {

        @Override
        public String toString() {
            return "ApiKey[tenant=" + tenant + ", role=" + role + "]"; // never the key itself
        }
    }

    /** What a key may do: {@code ingest} posts signals, {@code reader} reads, {@code operator} does everything. */
    public enum Role {
        INGEST, OPERATOR, READER;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param uri      e.g. {@code mongodb://mongo-0,mongo-1/?replicaSet=rs0}; empty starts the embedded server
     * @param database the database holding the read models
     */
    public record Mongodb(String uri, @DefaultValue("dialtone") String database) {

        public boolean external() {
            return uri != null && !uri.isBlank();
        }
    }

    /**
     * @param eventsUrl     the Events API v2 enqueue URL
     * @param webhookSecret the secret of the v3 webhook subscription; without it {@code /webhooks/pagerduty} refuses
     *                      everything
     */
    public record PagerDuty(@DefaultValue("https://events.pagerduty.com/v2/enqueue") URI eventsUrl,
                            String webhookSecret) {

        @Override
        public String toString() {
            return "PagerDuty[eventsUrl=" + eventsUrl + "]";
        }
    }

    /**
     * @param apiUrl            the Web API base, ending in {@code /api/}
     * @param botToken          {@code xoxb-...}; without it Slack targets fail visibly and no channels are opened
     * @param signingSecret     checks {@code /slack/commands} and {@code /slack/interactivity}
     * @param tenant            the tenant whose incidents and agents the workspace may see and act on
     * @param responders        Slack user ids invited to every incident channel (besides the policy's Slack users)
     * @param incidentChannels  whether the bot opens a channel per incident
     */
    public record Slack(@DefaultValue("https://slack.com/api/") URI apiUrl,
                        String botToken,
                        String signingSecret,
                        String tenant,
                        List<String> responders,
                        @DefaultValue("true") boolean incidentChannels) {

        public Slack {
            responders = responders == null ? List.of() : List.copyOf(responders);
            if (tenant != null && !tenant.isBlank() && !Slugs.isSlug(tenant)) {
                throw new IllegalArgumentException("dialtone.slack.tenant must be a slug");
            }
        }

        public boolean botConfigured() {
            return botToken != null && !botToken.isBlank();
        }

        @Override
        public String toString() {
            return "Slack[apiUrl=" + apiUrl + ", tenant=" + tenant + ", responders=" + responders + "]";
        }
    }

    /**
     * @param sipLocalAddress the local address SIP OPTIONS probes send from and listen on (ephemeral ports)
     */
    public record Probes(@DefaultValue("0.0.0.0") String sipLocalAddress) {
    }

    /**
     * @param durable      fsync and synchronous_commit on for the embedded PostgreSQL (off only for throwaway tests)
     * @param mongoBackend {@code h2} keeps projections on disk; {@code memory} is for tests
     */
    public record Embedded(@DefaultValue("true") boolean durable, @DefaultValue("h2") String mongoBackend) {
    }
}
