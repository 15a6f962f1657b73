package dev.dialtone.integrations.probe;

import dev.dialtone.domain.signal.api.HealthStatus;
import dev.dialtone.integrations.probe.BoundedExchange.Answered;
import dev.dialtone.integrations.probe.BoundedExchange.Failed;
import dev.dialtone.integrations.probe.BoundedExchange.Outcome;

import javax.net.ssl.SSLContext;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Checks an agent's HTTP endpoint the way a caller would reach it, so Dialtone notices an outage before the calls
 * fail. Network trouble (refused, unknown host, TLS, timeout) is a DOWN result, never an exception; exceptions mean
 * a programming error. Thread-safe; make one per process, since it holds the connection pool.
 */
public final class HttpProbe {

    static final int MAX_BODY_BYTES = 64 * 1024;
    static final String USER_AGENT = "Dialtone-Probe/1";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_QUOTED = 80;

    private final HttpClient http;

    public HttpProbe() {
        this(newClient().build());
    }

    /** For a TLS trust other than the JDK's default, e.g. a test certificate. */
    HttpProbe(SSLContext trust) {
        this(newClient().sslContext(trust).build());
    }

    private HttpProbe(HttpClient http) {
        this.http = http;
    }

    private static HttpClient.Builder newClient() {
        return HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER);
    }

    /**
     * Returns within the check's timeout plus scheduling slack.
     *
     * @throws java.util.concurrent.CancellationException when the calling thread is interrupted: a probe cut short has
     *                                                    learnt nothing and must not report the endpoint down
     */
    public ProbeResult probe(HttpCheck check) {
        Objects.requireNonNull(check, "check");
        Outcome outcome = BoundedExchange.send(http, request(check), check.timeout(), MAX_BODY_BYTES);
        if (outcome instanceof Failed failed) {
            return new ProbeResult(HealthStatus.DOWN, null, failed.reason());
        }
        Answered answer = (Answered) outcome;
        if (answer.status() != check.expectedStatus()) {
            String moved = answer.status() / 100 == 3
                    ? answer.headers().firstValue("Location").map(location -> " to " + location).orElse("")
                    : "";
            return new ProbeResult(HealthStatus.DOWN, answer.latencyMs(),
                    "HTTP " + answer.status() + moved + " (expected " + check.expectedStatus() + ")");
        }
        if (check.bodyContains() != null
                && !new String(answer.body(), StandardCharsets.UTF_8).contains(check.bodyContains())) {
            return new ProbeResult(HealthStatus.DOWN, answer.latencyMs(),
                    "body does not contain \"" + quoted(check.bodyContains()) + "\"");
        }
        if (check.degradedAfter() != null && answer.latencyMs() > check.degradedAfter().toMillis()) {
            return new ProbeResult(HealthStatus.DEGRADED, answer.latencyMs(),
                    "slow: " + answer.latencyMs() + " ms > " + check.degradedAfter().toMillis() + " ms");
        }
        return new ProbeResult(HealthStatus.UP, answer.latencyMs(), "HTTP " + answer.status());
    }

    /**
     * Plain {@code http} is sent as HTTP/1.1: the JDK would otherwise ask every such endpoint for an h2c upgrade, which
     * few servers speak and some proxies reject. {@code https} negotiates HTTP/2 or 1.1 through ALPN.
     */
    private static HttpRequest request(HttpCheck check) {
        HttpRequest.Builder request = HttpRequest.newBuilder(check.url())
                .timeout(check.timeout())
                .header("User-Agent", USER_AGENT);
        if (check.url().getScheme().equalsIgnoreCase("http")) {
            request.version(HttpClient.Version.HTTP_1_1);
        }
        if (check.method().equals("POST")) {
            request.header("Content-Type", "application/json")
                    .POST(check.body() == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(check.body(), StandardCharsets.UTF_8));
        } else {
            request.GET();
        }
        check.headers().forEach(request::setHeader);
        return request.build();
    }

    private static String quoted(String text) {
        return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED - 1) + "…";
    }
}
