package dev.dialtone.domain.agent.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One active probe of an agent: what to check, how often and how long to wait. Each run is an ordinary health-check
 * signal named after the probe id. A flat record (one settings part per kind, the others null) so events stay plain
 * JSON.
 *
 * @param interval   time between runs, at least 10 s; runs start on a grid spread per probe, never overlap
 * @param timeout    how long one run may take, at most the interval
 * @param http       for {@link ProbeKind#HTTP}
 * @param sip        for {@link ProbeKind#SIP_OPTIONS}
 * @param statuspage for {@link ProbeKind#STATUSPAGE}
 */
public record ProbeDefinition(String probeId, ProbeKind kind, Duration interval, Duration timeout, Http http,
                              Sip sip, Statuspage statuspage) {

    public static final Duration MIN_INTERVAL = Duration.ofSeconds(10);

    public ProbeDefinition {
        Objects.requireNonNull(probeId, "probeId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * @param degradedAfter answers slower than this are DEGRADED; null: never
     */
    public record Http(String url, String method, String body, Map<String, String> headers, int expectedStatus,
                       String bodyContains, Duration degradedAfter) {

        public Http {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    /** @param transport {@code udp} or {@code tcp} */
    public record Sip(String uri, String transport) {
    }

    /**
     * @param pageUrl    the status page, e.g. {@code https://status.openai.com}
     * @param components the components to watch by name; empty: the page's overall status
     * @param vendor     whom the signals are attributed to, e.g. {@code openai}
     */
    public record Statuspage(String pageUrl, List<String> components, String vendor) {

        public Statuspage {
            components = components == null ? List.of() : List.copyOf(components);
        }
    }
}
