package dev.dialtone.integrations.probe;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialtone.domain.signal.api.HealthStatus;
import dev.dialtone.integrations.probe.BoundedExchange.Answered;
import dev.dialtone.integrations.probe.BoundedExchange.Failed;
import dev.dialtone.integrations.probe.BoundedExchange.Outcome;
import dev.dialtone.integrations.probe.StatuspageResult.ComponentStatus;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a vendor's public Atlassian Statuspage ({@code /api/v2/summary.json}) so an outage the vendor has announced
 * becomes a signal for the agents that depend on it.
 *
 * <p>The worst watched component decides: {@code major_outage} is DOWN; {@code partial_outage},
 * {@code degraded_performance} and {@code under_maintenance} are DEGRADED; {@code operational} is UP. Without watched
 * components the page's {@code status.indicator} decides: {@code none} UP, {@code minor} and {@code maintenance}
 * DEGRADED, {@code major} and {@code critical} DOWN. A status Statuspage may add later counts as DEGRADED.
 *
 * <p>Two outcomes are DEGRADED on purpose rather than DOWN, because they say nothing certain about the vendor: a
 * watched component missing from the page (renamed or removed; the check needs updating), and a status page that
 * cannot be fetched or read (the page is hosted apart from the vendor's service, and vendors move their pages).
 * Thread-safe; make one per process.
 */
public final class StatuspageProbe {

    static final int MAX_SUMMARY_BYTES = 1024 * 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private static final Map<String, Integer> COMPONENT_SEVERITY = Map.of(
            "operational", 0,
            "under_maintenance", 1,
            "degraded_performance", 2,
            "partial_outage", 3,
            "major_outage", 4);
    private static final int UNKNOWN_SEVERITY = 2;

    private static final Map<String, HealthStatus> INDICATOR_HEALTH = Map.of(
            "none", HealthStatus.UP,
            "minor", HealthStatus.DEGRADED,
            "maintenance", HealthStatus.DEGRADED,
            "major", HealthStatus.DOWN,
            "critical", HealthStatus.DOWN);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .version(HttpClient.Version.HTTP_2)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @throws java.util.concurrent.CancellationException when the calling thread is interrupted
     */
    public StatuspageResult probe(StatuspageCheck check) {
        Objects.requireNonNull(check, "check");
        Outcome outcome = BoundedExchange.send(http, request(check), check.timeout(), MAX_SUMMARY_BYTES);
        if (outcome instanceof Failed failed) {
            return unreachable(check, null, failed.reason());
        }
        Answered answer = (Answered) outcome;
        if (answer.status() / 100 != 2) {
            String moved = answer.headers().firstValue("Location").map(location -> " to " + location).orElse("");
            return unreachable(check, answer.latencyMs(), "HTTP " + answer.status() + moved);
        }
        if (answer.truncated()) {
            return unreachable(check, answer.latencyMs(), "summary larger than " + MAX_SUMMARY_BYTES / 1024 + " KiB");
        }
        JsonNode summary;
        try {
            summary = json.readTree(answer.body());
        } catch (JacksonException e) {
            String type = answer.headers().firstValue("Content-Type").map(t -> " (" + t + ")").orElse("");
            return unreachable(check, answer.latencyMs(), "not JSON" + type);
        } catch (IOException e) {
            return unreachable(check, answer.latencyMs(), "unreadable: " + e.getMessage());
        }
        if (summary == null || !summary.path("components").isArray()) {
            return unreachable(check, answer.latencyMs(), "no components in the summary");
        }
        List<ComponentStatus> onPage = components(summary.path("components"));
        return check.components().isEmpty()
                ? overall(check, summary, onPage, answer.latencyMs())
                : watched(check, onPage, answer.latencyMs());
    }

    private static HttpRequest request(StatuspageCheck check) {
        HttpRequest.Builder request = HttpRequest.newBuilder(check.summaryUrl())
                .timeout(check.timeout())
                .header("User-Agent", HttpProbe.USER_AGENT)
                .header("Accept", "application/json")
                .GET();
        if (check.summaryUrl().getScheme().equalsIgnoreCase("http")) {
            request.version(HttpClient.Version.HTTP_1_1);
        }
        return request.build();
    }

    private static List<ComponentStatus> components(JsonNode components) {
        List<ComponentStatus> found = new ArrayList<>();
        for (JsonNode component : components) {
            String name = component.path("name").textValue();
            String status = component.path("status").textValue();
            if (name != null && status != null) {
                found.add(new ComponentStatus(name, status));
            }
        }
        return found;
    }

    private static StatuspageResult overall(StatuspageCheck check, JsonNode summary, List<ComponentStatus> onPage,
                                            long latencyMs) {
        String indicator = summary.path("status").path("indicator").textValue();
        if (indicator == null) {
            return unreachable(check, latencyMs, "no status.indicator in the summary");
        }
        HealthStatus health = INDICATOR_HEALTH.getOrDefault(indicator.toLowerCase(Locale.ROOT), HealthStatus.DEGRADED);
        String description = summary.path("status").path("description").textValue();
        String detail = description == null || description.isBlank()
                ? indicator
                : description + " (" + indicator + ")";
        return new StatuspageResult(new ProbeResult(health, latencyMs, check.vendor() + ": " + detail), onPage);
    }

    /** For each watched name the worst entry carrying it: a group and a component can share a name. */
    private static StatuspageResult watched(StatuspageCheck check, List<ComponentStatus> onPage, long latencyMs) {
        List<ComponentStatus> matched = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : check.components()) {
            Optional<ComponentStatus> worst = onPage.stream()
                    .filter(component -> component.name().strip().equalsIgnoreCase(name))
                    .max(Comparator.comparingInt(StatuspageProbe::severity));
            worst.ifPresentOrElse(matched::add, () -> missing.add(name));
        }
        HealthStatus health = matched.stream()
                .map(StatuspageProbe::health)
                .reduce(missing.isEmpty() ? HealthStatus.UP : HealthStatus.DEGRADED, StatuspageProbe::worse);
        List<String> problems = new ArrayList<>();
        matched.stream()
                .filter(component -> severity(component) > 0)
                .sorted(Comparator.comparingInt(StatuspageProbe::severity).reversed())
                .forEach(component -> problems.add(component.name() + " " + component.status()));
        missing.forEach(name -> problems.add("component \"" + name + "\" not on the status page"));
        String detail = problems.isEmpty()
                ? String.join(", ", matched.stream().map(ComponentStatus::name).toList()) + " operational"
                : String.join(", ", problems);
        return new StatuspageResult(new ProbeResult(health, latencyMs, check.vendor() + ": " + detail), matched);
    }

    private static int severity(ComponentStatus component) {
        return COMPONENT_SEVERITY.getOrDefault(component.status().toLowerCase(Locale.ROOT), UNKNOWN_SEVERITY);
    }

    private static HealthStatus health(ComponentStatus component) {
        int severity = severity(component);
        if (severity == 0) {
            return HealthStatus.UP;
        }
        return severity == COMPONENT_SEVERITY.get("major_outage") ? HealthStatus.DOWN : HealthStatus.DEGRADED;
    }

    private static HealthStatus worse(HealthStatus a, HealthStatus b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static StatuspageResult unreachable(StatuspageCheck check, Long latencyMs, String reason) {
        return new StatuspageResult(new ProbeResult(HealthStatus.DEGRADED, latencyMs,
                check.vendor() + ": status page unreachable: " + reason), List.of());
    }
}
