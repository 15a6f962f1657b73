package dev.dialtone.bench.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SenderTest {

    private static final Batch BATCH = new Batch("/api/v1/signals/calls", List.of("r1-0-1", "r1-0-2"),
            "[{\"id\":\"r1-0-1\"},{\"id\":\"r1-0-2\"}]");

    private final Stats stats = new Stats();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Answers the n-th request (from 0) with statuses[n], the last one for every later request. */
    private int serve(int port, String... answers) throws IOException {
        AtomicInteger n = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10);
        server.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            String[] answer = answers[Math.min(n.getAndIncrement(), answers.length - 1)].split(" ", 2);
            respond(exchange, Integer.parseInt(answer[0]), answer.length > 1 ? answer[1] : "");
        });
        server.start();
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        if (status == 503 || status == 429) {
            exchange.getResponseHeaders().add("Retry-After", "1");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void sendOne(int port, Ledger ledger) throws InterruptedException {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(1);
        queue.add(BATCH);
        Sender sender = new Sender(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                "http://localhost:" + port, "the-key", queue, stats, ledger, new AtomicBoolean(true),
                new AtomicBoolean());
        Thread thread = new Thread(sender);
        thread.start();
        thread.join(20_000);
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void backPressureIsHonouredAndTheSameBatchResent() throws Exception {
        int port = serve(0, "503", "429", "202 {\"accepted\": 1, \"duplicates\": 1}");
        Ledger ledger = new Ledger(dir.resolve("ledger.txt"));

        long t0 = System.nanoTime();
        sendOne(port, ledger);
        ledger.close();

        assertThat((System.nanoTime() - t0) / 1e9).as("waited Retry-After twice").isGreaterThanOrEqualTo(2.0);
        assertThat(bodies).hasSize(3).containsOnly(BATCH.body());
        assertThat(authorizations).containsOnly("Bearer the-key");
        assertThat(stats.refusedRequests.sum()).isEqualTo(2);
        assertThat(stats.refusedSignals.sum()).isEqualTo(4);
        assertThat(stats.sent.sum()).isEqualTo(2);
        assertThat(stats.acknowledged.sum()).isEqualTo(2);
        assertThat(stats.accepted.sum()).isEqualTo(1);
        assertThat(stats.duplicates.sum()).isEqualTo(1);
        assertThat(Files.readAllLines(dir.resolve("ledger.txt"))).containsExactly("r1-0-1", "r1-0-2");
    }

    @Test
    void aServerErrorIsCountedAndNotAcknowledged() throws Exception {
        int port = serve(0, "500 {\"title\": \"boom\"}");
        Ledger ledger = new Ledger(dir.resolve("ledger.txt"));

        sendOne(port, ledger);
        ledger.close();

        assertThat(bodies).hasSize(1);
        assertThat(stats.errorRequests.sum()).isEqualTo(1);
        assertThat(stats.errorSignals.sum()).isEqualTo(2);
        assertThat(stats.acknowledged.sum()).isZero();
        assertThat(Files.readAllLines(dir.resolve("ledger.txt"))).isEmpty();
    }

    @Test
    void noAnswerIsRetriedUntilTheServerIsBack() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(700);
                serve(port, "202 {\"accepted\": 2, \"duplicates\": 0}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        later.start();

        sendOne(port, null);
        later.join();

        assertThat(stats.connectionErrors.sum()).isPositive();
        assertThat(stats.acknowledged.sum()).isEqualTo(2);
        assertThat(bodies).containsExactly(BATCH.body());
    }

    @Test
    void retryAfterIsReadInSecondsOrAsAnHttpDate() {
        assertThat(Sender.retryAfterMillis("3", 100)).isEqualTo(3000);
        assertThat(Sender.retryAfterMillis(" 0 ", 100)).isZero();
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
        assertThat(Sender.retryAfterMillis(inTwoSeconds, 100)).isBetween(500L, 2000L);
        assertThat(Sender.retryAfterMillis("soon", 100)).isEqualTo(100);
    }

    @Test
    void backoffDoublesUpToFiveSeconds() {
        assertThat(Sender.backoffMillis(0)).isEqualTo(100);
        assertThat(Sender.backoffMillis(1)).isEqualTo(200);
        assertThat(Sender.backoffMillis(6)).isEqualTo(5000);
        assertThat(Sender.backoffMillis(60)).isEqualTo(5000);
    }
}
