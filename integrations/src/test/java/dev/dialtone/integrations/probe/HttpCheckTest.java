package dev.dialtone.integrations.probe;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class HttpCheckTest {

    private static final URI URL = URI.create("https://agent.example.com/health");
    private static final Duration FIVE_S = Duration.ofSeconds(5);

    static Stream<Arguments> mistakes() {
        return Stream.of(
                arguments("url", "missing", call(() -> check(null, "GET", null, Map.of(), 200, FIVE_S, null))),
                arguments("url", "relative", call(() -> check(URI.create("/health"), "GET", null, Map.of(), 200,
                        FIVE_S, null))),
                arguments("url", "not http", call(() -> check(URI.create("ftp://agent.example.com/"), "GET", null,
                        Map.of(), 200, FIVE_S, null))),
                arguments("method", "PUT", call(() -> check(URL, "PUT", null, Map.of(), 200, FIVE_S, null))),
                arguments("method", "missing", call(() -> check(URL, null, null, Map.of(), 200, FIVE_S, null))),
                arguments("body", "with GET", call(() -> check(URL, "GET", "{}", Map.of(), 200, FIVE_S, null))),
                arguments("headers", "managed by the client", call(() -> check(URL, "GET", null,
                        Map.of("Host", "elsewhere.example.com"), 200, FIVE_S, null))),
                arguments("headers", "invalid name", call(() -> check(URL, "GET", null,
                        Map.of("X Api Key", "k"), 200, FIVE_S, null))),
                arguments("headers", "line break in value", call(() -> check(URL, "GET", null,
                        Map.of("X-Api-Key", "k\r\nX-Injected: 1"), 200, FIVE_S, null))),
                arguments("headers", "null value", call(() -> check(URL, "GET", null,
                        Collections.singletonMap("X-Api-Key", null), 200, FIVE_S, null))),
                arguments("expectedStatus", "99", call(() -> check(URL, "GET", null, Map.of(), 99, FIVE_S, null))),
                arguments("expectedStatus", "600", call(() -> check(URL, "GET", null, Map.of(), 600, FIVE_S, null))),
                arguments("timeout", "missing", call(() -> check(URL, "GET", null, Map.of(), 200, null, null))),
                arguments("timeout", "under 1 s", call(() -> check(URL, "GET", null, Map.of(), 200,
                        Duration.ofMillis(999), null))),
                arguments("timeout", "over 60 s", call(() -> check(URL, "GET", null, Map.of(), 200,
                        Duration.ofSeconds(61), null))),
                arguments("degradedAfter", "equal to timeout", call(() -> check(URL, "GET", null, Map.of(), 200,
                        FIVE_S, FIVE_S))),
                arguments("degradedAfter", "zero", call(() -> check(URL, "GET", null, Map.of(), 200,
                        FIVE_S, Duration.ZERO))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("mistakes")
    void aMistakeIsReportedAgainstItsField(String field, String mistake, ThrowingCallable construction) {
        assertThatThrownBy(construction)
                .isInstanceOf(IllegalArgumentException.class)
                .message().matches(field + "[ :].*");
    }

    @Test
    void acceptsTheBoundsAndNormalisesTheMethodAndHeaders() {
        HttpCheck check = check(URI.create("HTTP://agent.example.com:8080/health"), "post", "{}", null, 599,
                Duration.ofSeconds(60), Duration.ofMillis(59_999));

        assertThat(check.method()).isEqualTo("POST");
        assertThat(check.headers()).isEmpty();
        assertThat(check(URL, "GET", null, Map.of(), 100, Duration.ofSeconds(1), null).timeout())
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void keepsItsOwnCopyOfTheHeaders() {
        Map<String, String> headers = new HashMap<>(Map.of("X-Api-Key", "k"));
        HttpCheck check = check(URL, "GET", null, headers, 200, FIVE_S, null);

        headers.put("X-Other", "v");

        assertThat(check.headers()).containsOnlyKeys("X-Api-Key");
    }

    @Test
    void neverRepeatsAHeaderValueWhichIsOftenACredential() {
        assertThatThrownBy(() -> check(URL, "GET", null, Map.of("Authorization", "Bearer sk-secret\n"), 200,
                FIVE_S, null))
                .hasMessage("headers: the value of \"Authorization\" has line breaks or other characters a header "
                        + "cannot carry");
        assertThat(check(URL, "GET", null, Map.of("Authorization", "Bearer sk-secret"), 200, FIVE_S, null))
                .hasToString("HttpCheck[GET https://agent.example.com/health, headers=[Authorization], "
                        + "expectedStatus=200, bodyContains=null, timeout=PT5S, degradedAfter=null]");
    }

    private static ThrowingCallable call(ThrowingCallable callable) {
        return callable;
    }

    private static HttpCheck check(URI url, String method, String body, Map<String, String> headers, int status,
                                   Duration timeout, Duration degradedAfter) {
        return new HttpCheck(url, method, body, headers, status, null, timeout, degradedAfter);
    }
}
