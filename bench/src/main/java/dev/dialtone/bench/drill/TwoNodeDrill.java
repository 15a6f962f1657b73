package dev.dialtone.bench.drill;

import dev.dialtone.bench.BenchSupport;

import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Drill (c): two Dialtone nodes on one PostgreSQL. An outage pages level 1; then the node that owns the escalation
 * saga's segment is killed with {@code kill -9}. The survivor must take the segment over and fire the level-2 timer
 * within 30 s of its due time, and nobody may be paged twice. Exits 1 otherwise.
 * <p>
 * Arguments: {@code nodes=a|http://localhost:18081|<pid>,b|http://localhost:18082|<pid> jdbc=<url> user= password=
 * key=<operator key> ackTimeout=20}.
 */
public final class TwoNodeDrill {

    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);

    record Node(String id, String url, long pid) {
    }

    record Arrival(String path, Instant at) {
    }

    public static void main(String[] args) throws Exception {
        List<Node> nodes = Arrays.stream(BenchSupport.stringArg(args, "nodes", null).split(","))
                .map(n -> n.split("\\|"))
                .map(p -> new Node(p[0], p[1], Long.parseLong(p[2]))).toList();
        String key = BenchSupport.stringArg(args, "key", null);
        int ackTimeout = Integer.parseInt(BenchSupport.stringArg(args, "ackTimeout", "20"));
        List<Arrival> arrivals = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            arrivals.add(new Arrival(exchange.getRequestURI().getPath(), Instant.now()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        String hooks = "http://127.0.0.1:" + receiver.getAddress().getPort();
        HttpClient http = HttpClient.newHttpClient();
        Node first = nodes.get(0);
        String agent = "two-node-drill-" + (System.currentTimeMillis() % 100000);
        BenchSupport.send(http, "PUT", first.url() + "/api/v1/escalation-policies/" + agent, key, """
                {"name": "Two-node drill", "levels": [
                  {"ackTimeout": "PT%dS", "targets": [{"type": "webhook", "url": "%s/level1"}]},
                  {"ackTimeout": "PT10M", "targets": [{"type": "webhook", "url": "%s/level2"}]}]}"""
                .formatted(ackTimeout, hooks, hooks));
        BenchSupport.send(http, "PUT", first.url() + "/api/v1/agents/" + agent, key, """
                {"name": "Two-node drill", "timezone": "UTC", "escalationPolicyId": "%s"}""".formatted(agent));
        Instant now = Instant.now();
        BenchSupport.send(http, "POST", nodes.get(1).url() + "/api/v1/signals/health-checks", key, """
                [{"id": "%s-1", "agentId": "%s", "check": "sip", "occurredAt": "%s", "status": "DOWN"},
                 {"id": "%s-2", "agentId": "%s", "check": "sip", "occurredAt": "%s", "status": "DOWN"}]"""
                .formatted(agent, agent, now.minusSeconds(10), agent, agent, now));
        Arrival level1 = await("the level-1 page", Duration.ofSeconds(60), () -> arrivals.stream()
                .filter(a -> a.path().equals("/level1")).findFirst().orElse(null));
        Instant due = level1.at().plusSeconds(ackTimeout);
        System.out.printf("level 1 paged at %s; level 2 due at about %s%n", level1.at(), due);

        String owner;
        try (Connection db = DriverManager.getConnection(BenchSupport.stringArg(args, "jdbc", null),
                BenchSupport.stringArg(args, "user", "dialtone"),
                BenchSupport.stringArg(args, "password", "dialtone"))) {
            owner = owner(db);
            Node victim = nodes.stream().filter(n -> n.id().equals(owner)).findFirst().orElseThrow(() ->
                    new IllegalStateException("the saga segment is owned by '" + owner + "', not one of " + nodes));
            Node survivor = nodes.stream().filter(n -> n != victim).findFirst().orElseThrow();
            ProcessHandle.of(victim.pid()).ifPresent(ProcessHandle::destroyForcibly);
            Instant killed = Instant.now();
            System.out.printf("kill -9 of node %s (pid %d), which owned the escalation saga's segment, at %s%n",
                    victim.id(), victim.pid(), killed);
            Arrival level2 = await("the level-2 page", Duration.ofSeconds(ackTimeout + 90), () -> arrivals.stream()
                    .filter(a -> a.path().equals("/level2")).findFirst().orElse(null));
            String newOwner = await("the segment to change hands", Duration.ofSeconds(60), () -> {
                try {
                    String o = owner(db);
                    return survivor.id().equals(o) ? o : null;
                } catch (Exception e) {
                    return null;
                }
            });
            Duration late = Duration.between(due, level2.at());
            System.out.printf("level 2 paged at %s: %d ms after it was due (limit %d s); segment now owned by %s%n",
                    level2.at(), late.toMillis(), TAKEOVER_LIMIT.toSeconds(), newOwner);
            Thread.sleep(Duration.ofSeconds(ackTimeout + 5).toMillis());
            long level1Pages = arrivals.stream().filter(a -> a.path().equals("/level1")).count();
            long level2Pages = arrivals.stream().filter(a -> a.path().equals("/level2")).count();
            System.out.printf("pages: level 1 x%d, level 2 x%d (each must be 1)%n", level1Pages, level2Pages);
            receiver.stop(0);
            boolean ok = level1Pages == 1 && level2Pages == 1 && late.compareTo(TAKEOVER_LIMIT) <= 0;
            System.out.println(ok ? "DRILL PASSED" : "DRILL FAILED");
            System.exit(ok ? 0 : 1);
        }
    }

    private static String owner(Connection db) throws Exception {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT owner FROM TokenEntry WHERE processorName = 'EscalationSagaProcessor' AND segment = 0")) {
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static <T> T await(String what, Duration limit, Supplier<T> probe) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(200);
        }
        System.out.println("DRILL FAILED: no " + what + " within " + limit.toSeconds() + " s");
        System.exit(1);
        return null;
    }

}
