package dev.dialtone.bench;

import com.sun.net.httpserver.HttpServer;
import org.HdrHistogram.Histogram;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast an outage reaches a person: from the POST of the signal that confirms an outage to the level-1 webhook
 * arriving at a local receiver, while background traffic of {@code rate} signals/s flows; and how late ack-timeout
 * timers fire (level-2 arrival minus level-1 arrival minus the ack timeout).
 * <p>
 * Arguments: {@code runs=100 rate=1000 agents=50 ackTimeoutSeconds=2 spacingMillis=500}.
 */
public final class EscalationLatencyBenchmark {

    private static final Pattern INCIDENT = Pattern.compile("\"incidentId\":\"([^\"]+)\"");
    private static final Pattern LEVEL = Pattern.compile("\"level\":(\\d+)");
    private static final Pattern TYPE = Pattern.compile("\"type\":\"([a-z]+)\"");

    public static void main(String[] args) throws Exception {
        int runs = BenchSupport.intArg(args, "runs", 100);
        int rate = BenchSupport.intArg(args, "rate", 1000);
        int agents = BenchSupport.intArg(args, "agents", 50);
        int ackTimeout = BenchSupport.intArg(args, "ackTimeoutSeconds", 2);
        int spacing = BenchSupport.intArg(args, "spacingMillis", 500);
        Path dataDir = Files.createTempDirectory("dialtone-escalation-bench-");

        Map<String, Long> level1 = new ConcurrentHashMap<>();
        Map<String, Long> level2 = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            long arrived = System.nanoTime();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            Matcher incident = INCIDENT.matcher(body);
            Matcher level = LEVEL.matcher(body);
            Matcher type = TYPE.matcher(body);
            if (incident.find() && level.find() && type.find() && type.group(1).equals("page")) {
                (level.group(1).equals("1") ? level1 : level2).putIfAbsent(incident.group(1), arrived);
            }
        });
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.start();
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort();

        try (ConfigurableApplicationContext app = BenchSupport.start(dataDir)) {
            String base = BenchSupport.baseUrl(app);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            BenchSupport.send(http, "PUT", base + "/api/v1/escalation-policies/bench", """
                    {"name": "Bench", "levels": [
                      {"ackTimeout": "PT%dS", "targets": [{"type": "webhook", "url": "%s/level1"}]},
                      {"ackTimeout": "PT1H", "targets": [{"type": "webhook", "url": "%s/level2"}]}]}
                    """.formatted(ackTimeout, hook, hook));
            for (int a = 0; a < agents; a++) {
                BenchSupport.send(http, "PUT", base + "/api/v1/agents/busy-" + a, "{\"name\": \"Busy\", \"timezone\": \"UTC\"}");
            }
            for (int r = 0; r < runs; r++) {
                BenchSupport.send(http, "PUT", base + "/api/v1/agents/probe-" + r,
                        "{\"name\": \"Probe\", \"timezone\": \"UTC\", \"escalationPolicyId\": \"bench\"}");
            }

            AtomicLong background = new AtomicLong();
            ScheduledExecutorService traffic = Executors.newScheduledThreadPool(2);
            int perTick = Math.max(1, rate / 20);
            traffic.scheduleAtFixedRate(() -> {
                StringBuilder batch = new StringBuilder("[");
                for (int i = 0; i < perTick; i++) {
                    long n = background.incrementAndGet();
                    if (i > 0) {
                        batch.append(',');
                    }
                    batch.append("{\"id\":\"bg-").append(n).append("\",\"agentId\":\"busy-").append(n % agents)
                            .append("\",\"occurredAt\":\"").append(Instant.now())
                            .append("\",\"outcome\":\"ANSWERED\"}");
                }
                try {
                    BenchSupport.send(http, "POST", base + "/api/v1/signals/calls", batch.append(']').toString());
                } catch (Exception e) {
                    System.err.println("background batch failed: " + e);
                }
            }, 0, 50, TimeUnit.MILLISECONDS);
            Thread.sleep(5_000); // let the background traffic settle in

            Map<String, Long> sent = new ConcurrentHashMap<>();
            for (int r = 0; r < runs; r++) {
                String agent = "probe-" + r;
                Instant t = Instant.now();
                BenchSupport.send(http, "POST", base + "/api/v1/signals/health-checks", """
                        {"id": "%s-1", "agentId": "%s", "check": "sip", "occurredAt": "%s", "status": "DOWN"}
                        """.formatted(agent, agent, t.minusMillis(200)));
                long confirming = System.nanoTime();
                BenchSupport.send(http, "POST", base + "/api/v1/signals/health-checks", """
                        {"id": "%s-2", "agentId": "%s", "check": "sip", "occurredAt": "%s", "status": "DOWN"}
                        """.formatted(agent, agent, t));
                sent.put(agent + "-1", confirming);
                Thread.sleep(spacing);
            }
            long deadline = System.currentTimeMillis() + (ackTimeout + 30) * 1000L;
            while ((level1.size() < runs || level2.size() < runs) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            traffic.shutdownNow();

            Histogram latency = new Histogram(3);
            Histogram lateness = new Histogram(3);
            List<String> missing = new ArrayList<>();
            for (Map.Entry<String, Long> run : sent.entrySet()) {
                Long first = level1.get(run.getKey());
                Long second = level2.get(run.getKey());
                if (first == null || second == null) {
                    missing.add(run.getKey());
                    continue;
                }
                latency.recordValue(Math.max(0, (first - run.getValue()) / 1_000_000));
                lateness.recordValue(Math.max(0, (second - first) / 1_000_000 - ackTimeout * 1000L));
            }
            System.out.printf("%nEscalation latency, %d runs, background %d signals/s (%,d sent) over %d agents%n",
                    runs, rate, background.get(), agents);
            System.out.printf("confirming POST -> level-1 webhook: p50 %d ms, p99 %d ms, max %d ms%n",
                    latency.getValueAtPercentile(50), latency.getValueAtPercentile(99), latency.getMaxValue());
            System.out.printf("ack-timeout timer lateness:        p50 %d ms, p99 %d ms, max %d ms%n",
                    lateness.getValueAtPercentile(50), lateness.getValueAtPercentile(99), lateness.getMaxValue());
            if (!missing.isEmpty()) {
                System.out.println("runs without both pages: " + missing);
            }
        } finally {
            receiver.stop(0);
        }
        System.exit(0);
    }


}
