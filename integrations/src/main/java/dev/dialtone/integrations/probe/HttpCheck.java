package dev.dialtone.integrations.probe;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What "healthy" means for one HTTP endpoint of an agent, checked when it is configured so that a mistake in it is
 * reported against the field at fault instead of turning into a stream of DOWN signals. Redirects are never followed:
 * a check that expects one names the 3xx status.
 *
 * @param url            absolute {@code http} or {@code https} URL
 * @param method         {@code GET} or {@code POST} (any case)
 * @param body           JSON sent with a POST as {@code application/json}; null for none, and always null for a GET
 * @param headers        extra request headers; null for none. Headers the HTTP client manages itself ({@code Host},
 *                       {@code Content-Length}, {@code Connection}, ...) are refused
 * @param expectedStatus the one status that counts as healthy, 100-599
 * @param bodyContains   text the first 64 KiB of the body must contain; null to ignore the body
 * @param timeout        how long the whole answer, body included, may take: 1 s to 60 s
 * @param degradedAfter  answers slower than this are DEGRADED; null to never call an answer slow. Below {@code timeout}
 */
public record HttpCheck(URI url, String method, String body, Map<String, String> headers, int expectedStatus,
                        String bodyContains, Duration timeout, Duration degradedAfter) {

    static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

    public HttpCheck {
        requireHttpUrl(url, "url");
        if (method == null || !(method.equalsIgnoreCase("GET") || method.equalsIgnoreCase("POST"))) {
            throw new IllegalArgumentException("method must be GET or POST, was " + method);
        }
        method = method.toUpperCase(Locale.ROOT);
        if (body != null && method.equals("GET")) {
            throw new IllegalArgumentException("body is only sent with POST; remove it or use method POST");
        }
        headers = headers == null ? Map.of() : validHeaders(headers);
        if (expectedStatus < 100 || expectedStatus > 599) {
            throw new IllegalArgumentException("expectedStatus must be 100-599, was " + expectedStatus);
        }
        requireTimeout(timeout, "timeout");
        if (degradedAfter != null && (degradedAfter.isNegative() || degradedAfter.isZero()
                || degradedAfter.compareTo(timeout) >= 0)) {
            throw new IllegalArgumentException("degradedAfter must be positive and shorter than timeout ("
                    + timeout.toMillis() + " ms), was " + degradedAfter.toMillis() + " ms");
        }
    }

    /** A GET that is healthy when it answers 200 within {@code timeout}. */
    public static HttpCheck get(URI url, Duration timeout) {
        return new HttpCheck(url, "GET", null, Map.of(), 200, null, timeout, null);
    }

    /** Names the headers but not their values, which are often credentials. */
    @Override
    public String toString() {
        return "HttpCheck[" + method + " " + url + ", headers=" + new TreeSet<>(headers.keySet())
                + ", expectedStatus=" + expectedStatus + ", bodyContains=" + bodyContains
                + ", timeout=" + timeout + ", degradedAfter=" + degradedAfter + "]";
    }

    static void requireHttpUrl(URI url, String field) {
        if (url == null || !url.isAbsolute() || url.getHost() == null
                || !(url.getScheme().equalsIgnoreCase("http") || url.getScheme().equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException(field + " must be an absolute http or https URL with a host, was " + url);
        }
    }

    static void requireTimeout(Duration timeout, String field) {
        if (timeout == null || timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(field + " must be between 1 s and 60 s, was "
                    + (timeout == null ? null : timeout.toMillis() + " ms"));
        }
    }

    /**
     * Asks the JDK client itself, so a header passes here exactly when the probe will be able to send it. Values are
     * never echoed: they are often credentials.
     */
    private static Map<String, String> validHeaders(Map<String, String> headers) {
        HttpRequest.Builder trial = HttpRequest.newBuilder(URI.create("http://localhost/"));
        headers.forEach((name, value) -> {
            if (name == null || value == null) {
                throw new IllegalArgumentException("headers must not contain null names or values");
            }
            try {
                trial.header(name, "x");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("headers: " + printable(e.getMessage()), e);
            }
            try {
                trial.header("X-Dialtone-Check", value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("headers: the value of \"" + printable(name)
                        + "\" has line breaks or other characters a header cannot carry", e);
            }
        });
        return Map.copyOf(headers);
    }

    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
