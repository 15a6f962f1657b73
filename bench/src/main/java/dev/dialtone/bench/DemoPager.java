package dev.dialtone.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Stands in for the outside world Dialtone calls: the responders' phones (generic {@code webhook} targets of the
 * escalation policy) and the voice platform's backup routing (the agent's failover target). It prints every
 * delivery as a line a person reads, checks its {@code X-Dialtone-Signature}, and lets the script wait for one.
 */
final class DemoPager implements AutoCloseable {

    /** Whom a path of the pager stands for, and the secret its deliveries are signed with. */
    record Target(String path, String label, String secret) {
    }

    /** One request Dialtone made: {@code type} is page/acknowledged/resolved, or ACTIVATE/DEACTIVATE for failover. */
    record Delivery(double at, Target target, String type, int level, String incidentId, boolean signatureValid,
                    JsonNode body) {
    }

    private final DemoConsole console;
    private final Map<String, Target> targets;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private final HttpServer server;

    DemoPager(DemoConsole console, List<Target> targets) throws IOException {
        this.console = console;
        this.targets = targets.stream().collect(Collectors.toMap(Target::path, t -> t));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::receive);
        server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "demo-pager");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** The URL Dialtone is given for one of the pager's targets. */
    String url(Target target) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + target.path();
    }

    int badSignatures() {
        return badSignatures.get();
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Waits for the first delivery that matches, however long ago it arrived. */
    Delivery await(String what, Duration timeout, Predicate<Delivery> matching) throws Exception {
        return console.await(what, timeout,
                () -> deliveries.stream().filter(matching).findFirst().orElse(null));
    }

    /** Waits until {@code count} deliveries match. */
    List<Delivery> awaitAll(String what, Duration timeout, int count, Predicate<Delivery> matching) throws Exception {
        return console.await(what, timeout, () -> {
            List<Delivery> found = deliveries.stream().filter(matching).toList();
            return found.size() >= count ? found : null;
        });
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String signature = exchange.getRequestHeaders().getFirst("X-Dialtone-Signature");
        exchange.sendResponseHeaders(200, -1);
        exchange.close();

        Target target = targets.get(exchange.getRequestURI().getPath());
        if (target == null) {
            console.say("? unexpected " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": "
                    + new String(body, StandardCharsets.UTF_8));
            return;
        }
        boolean valid = signature != null && MessageDigest.isEqual(
                hmacSha256Hex(target.secret(), body).getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        if (!valid) {
            badSignatures.incrementAndGet();
        }
        JsonNode message = json.readTree(body);
        String seal = valid ? "  [signature ✓]" : "  [signature ✗ " + signature + "]";
        Delivery delivery;
        if (message.has("action")) {
            delivery = new Delivery(console.elapsedSeconds(), target, message.path("action").asText(), 0,
                    message.path("incidentId").asText(null), valid, message);
            console.say("FAILOVER " + delivery.type() + " → " + target.label() + " "
                    + message.path("backupNumber").asText("(no backup number)") + " for "
                    + message.path("agentId").asText() + " (" + delivery.incidentId() + ")" + seal);
        } else {
            delivery = new Delivery(console.elapsedSeconds(), target, message.path("type").asText(),
                    message.path("level").asInt(), message.path("incidentId").asText(null), valid, message);
            String word = delivery.type().toUpperCase(Locale.ROOT);
            String level = delivery.type().equals("page") ? " (level " + delivery.level()
                    + (message.path("round").asInt(1) > 1 ? ", round " + message.path("round").asInt() : "") + ")"
                    : "";
            console.say(word + " → " + target.label() + level + ": " + message.path("kind").asText() + " on "
                    + message.path("agentId").asText() + " (" + delivery.incidentId() + ", "
                    + message.path("severity").asText() + ") \"" + message.path("summary").asText() + "\"" + seal);
        }
        deliveries.add(delivery);
    }

    static String hmacSha256Hex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
