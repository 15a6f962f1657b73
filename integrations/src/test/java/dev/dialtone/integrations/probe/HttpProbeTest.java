package dev.dialtone.integrations.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.dialtone.domain.signal.api.HealthStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class HttpProbeTest {

    private static final char[] KEYSTORE_PASSWORD = "dialtone".toCharArray();

    private final HttpProbe probe = new HttpProbe();
    private final AtomicReference<Received> received = new AtomicReference<>();
    private ExecutorService handlers;
    private HttpServer server;
    private HttpsServer tlsServer;

    private record Received(String method, String userAgent, String contentType, String apiKey, String body) {
    }

    @BeforeEach
    void start() throws Exception {
        handlers = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tlsServer = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tlsServer.setHttpsConfigurator(new HttpsConfigurator(serverContext()));
        for (HttpServer s : new HttpServer[] {server, tlsServer}) {
            s.createContext("/health", this::health);
            s.createContext("/slow", exchange -> {
                sleep(Long.parseLong(exchange.getRequestURI().getQuery()));
                answer(exchange, 200, "ok");
            });
            s.createContext("/unavailable", exchange -> answer(exchange, 503, "maintenance"));
            s.createContext("/moved", exchange -> {
                exchange.getResponseHeaders().add("Location", "/health");
                answer(exchange, 302, "");
            });
            s.createContext("/stall", exchange -> {
                exchange.sendResponseHeaders(200, 0);
                OutputStream body = exchange.getResponseBody();
                body.write("{\"status\":".getBytes(StandardCharsets.UTF_8));
                body.flush();
                sleep(30_000);
                exchange.close();
            });
            s.createContext("/big", exchange ->
                    answer(exchange, 200, "a".repeat(HttpProbe.MAX_BODY_BYTES) + "marker-past-the-cap"));
            s.setExecutor(handlers);
            s.start();
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
        tlsServer.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void anExpectedAnswerIsUpWithItsLatency() {
        ProbeResult result = probe.probe(HttpCheck.get(url("/health"), Duration.ofSeconds(5)));

        assertThat(result.status()).isEqualTo(HealthStatus.UP);
        assertThat(result.latencyMs()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(result.detail()).isEqualTo("HTTP 200");
        assertThat(received.get().method()).isEqualTo("GET");
        assertThat(received.get().userAgent()).isEqualTo("Dialtone-Probe/1");
    }

    @Test
    void postsTheBodyAsJsonWithTheConfiguredHeaders() {
        HttpCheck check = new HttpCheck(url("/health"), "post", "{\"ping\":true}", Map.of("X-Api-Key", "k-123"),
                200, "\"ok\"", Duration.ofSeconds(5), null);

        ProbeResult result = probe.probe(check);

        assertThat(result.status()).isEqualTo(HealthStatus.UP);
        assertThat(received.get()).isEqualTo(
                new Received("POST", "Dialtone-Probe/1", "application/json", "k-123", "{\"ping\":true}"));
    }

    @Test
    void anAnswerSlowerThanDegradedAfterIsDegraded() {
        HttpCheck check = new HttpCheck(url("/slow?1300"), "GET", null, null, 200, null,
                Duration.ofSeconds(10), Duration.ofSeconds(1));

        ProbeResult result = probe.probe(check);

        assertThat(result.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(result.latencyMs()).isGreaterThanOrEqualTo(1300);
        assertThat(result.detail()).isEqualTo("slow: " + result.latencyMs() + " ms > 1000 ms");
    }

    @Test
    void anUnexpectedStatusIsDown() {
        ProbeResult result = probe.probe(HttpCheck.get(url("/unavailable"), Duration.ofSeconds(5)));

        assertThat(result.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(result.detail()).isEqualTo("HTTP 503 (expected 200)");
        assertThat(result.latencyMs()).isNotNull();
    }

    @Test
    void aRedirectIsNotFollowedAndSaysWhereItPoints() {
        ProbeResult result = probe.probe(HttpCheck.get(url("/moved"), Duration.ofSeconds(5)));

        assertThat(result.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(result.detail()).isEqualTo("HTTP 302 to /health (expected 200)");
        assertThat(received.get()).isNull();
    }

    @Test
    void aRedirectThatIsExpectedIsUp() {
        HttpCheck check = new HttpCheck(url("/moved"), "GET", null, null, 302, null, Duration.ofSeconds(5), null);

        assertThat(probe.probe(check).status()).isEqualTo(HealthStatus.UP);
    }

    @Test
    void aBodyWithoutTheExpectedTextIsDown() {
        HttpCheck check = new HttpCheck(url("/health"), "GET", null, null, 200, "\"status\":\"ready\"",
                Duration.ofSeconds(5), null);

        ProbeResult result = probe.probe(check);

        assertThat(result.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(result.detail()).isEqualTo("body does not contain \"\"status\":\"ready\"\"");
    }

    @Test
    void onlyTheFirst64KiBOfTheBodyAreSearched() {
        HttpCheck within = new HttpCheck(url("/big"), "GET", null, null, 200, "aaaa", Duration.ofSeconds(5), null);
        HttpCheck beyond = new HttpCheck(url("/big"), "GET", null, null, 200, "marker-past-the-cap",
                Duration.ofSeconds(5), null);

        assertThat(probe.probe(within).status()).isEqualTo(HealthStatus.UP);
        assertThat(probe.probe(beyond).detail()).isEqualTo("body does not contain \"marker-past-the-cap\"");
    }

    @Test
    void aPeerThatDoesNotAnswerInTimeIsDown() {
        HttpCheck check = HttpCheck.get(url("/slow?10000"), Duration.ofSeconds(1));

        ProbeResult result = probeWithin(check);

        assertThat(result.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(result.detail()).isEqualTo("timeout after 1000 ms");
        assertThat(result.latencyMs()).isNull();
    }

    @Test
    void aPeerThatSendsHeadersAndThenStallsTheBodyIsCutOff() {
        HttpCheck check = HttpCheck.get(url("/stall"), Duration.ofSeconds(1));

        ProbeResult result = probeWithin(check);

        assertThat(result.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(result.detail()).isEqualTo("timeout after 1000 ms");
    }

    @Test
    void aClosedPortIsDown() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        HttpCheck check = HttpCheck.get(URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofSeconds(3));

        ProbeResult result = probeWithin(check);

        assertThat(result.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(result.detail()).startsWith("could not connect to 127.0.0.1:" + port);
        assertThat(result.latencyMs()).isNull();
    }

    @Test
    void anUnresolvableHostIsDown() {
        HttpCheck check = HttpCheck.get(URI.create("http://nonexistent.invalid/"), Duration.ofSeconds(3));

        ProbeResult result = probeWithin(check);

        assertThat(result.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(result.detail()).isEqualTo("unknown host nonexistent.invalid");
    }

    @Test
    void aTrustedCertificateIsUpOverHttps() throws Exception {
        ProbeResult result = new HttpProbe(trusting())
                .probe(HttpCheck.get(tlsUrl("127.0.0.1", "/health"), Duration.ofSeconds(5)));

        assertThat(result.status()).isEqualTo(HealthStatus.UP);
    }

    @Test
    void anUntrustedSelfSignedCertificateIsDownForTls() {
        ProbeResult result = probeWithin(HttpCheck.get(tlsUrl("127.0.0.1", "/health"), Duration.ofSeconds(5)));

        assertThat(result.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(result.detail()).startsWith("TLS: ").contains("PKIX path building failed");
        assertThat(received.get()).isNull();
    }

    @Test
    void aCertificateForAnotherNameIsDownForTls() throws Exception {
        ProbeResult result = new HttpProbe(trusting())
                .probe(HttpCheck.get(tlsUrl("localhost", "/health"), Duration.ofSeconds(5)));

        assertThat(result.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(result.detail()).startsWith("TLS: ").contains("localhost");
        assertThat(received.get()).isNull();
    }

    @Test
    void aPeerThatDoesNotSpeakTlsIsDownForTls() throws IOException {
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // every connection, not just the first: the JDK client may retry a GET whose connection was closed
            handlers.execute(() -> {
                while (!plain.isClosed()) {
                    try (Socket client = plain.accept()) {
                        client.getInputStream().read(new byte[512]);
                        client.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        return; // closed at the end of the test
                    }
                }
            });
            URI url = URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/health");

            ProbeResult result = probeWithin(HttpCheck.get(url, Duration.ofSeconds(5)));

            assertThat(result.status()).isEqualTo(HealthStatus.DOWN);
            assertThat(result.detail()).startsWith("TLS: ");
        }
    }

    private ProbeResult probeWithin(HttpCheck check) {
        long started = System.nanoTime();
        ProbeResult result = probe.probe(check);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(check.timeout().plusSeconds(2));
        return result;
    }

    private void health(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        received.set(new Received(exchange.getRequestMethod(),
                exchange.getRequestHeaders().getFirst("User-Agent"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("X-Api-Key"),
                new String(body, StandardCharsets.UTF_8)));
        answer(exchange, 200, "{\"status\":\"ok\"}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private URI tlsUrl(String host, String path) {
        return URI.create("https://" + host + ":" + tlsServer.getAddress().getPort() + path);
    }

    private static KeyStore keyStore() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = HttpProbeTest.class.getResourceAsStream("/probe/self-signed.p12")) {
            keys.load(in, KEYSTORE_PASSWORD);
        }
        return keys;
    }

    private static SSLContext serverContext() throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore(), KEYSTORE_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static SSLContext trusting() throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("probe", keyStore().getCertificate("probe"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
