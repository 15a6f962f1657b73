package dev.dialtone.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How fast SLA reports answer on a loaded system, and how fast the read models rebuild. Loads October 2026 over
 * HTTP into a fresh Dialtone on its embedded defaults: one agent with {@code calls} calls and {@code incidents}
 * two-minute outages (from health checks, so detection opens and resolves real incidents), and {@code agents - 1}
 * more agents with {@code smallCalls} calls and one outage each. Then measures
 * <ul>
 *     <li>the big agent's month report ({@code reports} requests after {@code reports / 4} warm-up),</li>
 *     <li>the tenant summary of all agents ({@code summaries} requests after 3 warm-up),</li>
 *     <li>{@code rebuilds} rebuilds of the read models, one after the other: events replayed per second, and whether
 *     the reports are unchanged. The first one after a start that skipped loading runs while the JIT compiler is
 *     still compiling the replay's code; later ones show the speed of a warmed-up node.</li>
 * </ul>
 * Arguments: {@code calls=1000000 incidents=1000 agents=1000 smallCalls=100 reports=200 summaries=20 clients=4
 * rebuilds=1} ({@code rebuilds=0} skips them);
 * {@code dataDir=<path>} keeps the data there and, when it already holds them, skips loading.
 */
public final class SlaReportBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant OCTOBER = Instant.parse("2026-10-01T00:00:00Z");
    private static final long MONTH_MILLIS = Duration.ofDays(31).toMillis();
    private static final int BATCH = 1000;
    private static final long OUTAGE_MILLIS = 120_000;

    public static void main(String[] args) throws Exception {
        int calls = BenchSupport.intArg(args, "calls", 1_000_000);
        int incidents = BenchSupport.intArg(args, "incidents", 1000);
        int agents = BenchSupport.intArg(args, "agents", 1000);
        int smallCalls = BenchSupport.intArg(args, "smallCalls", 100);
        int reports = BenchSupport.intArg(args, "reports", 200);
        int summaries = BenchSupport.intArg(args, "summaries", 20);
        int clients = BenchSupport.intArg(args, "clients", 4);
        int rebuilds = BenchSupport.intArg(args, "rebuilds", 1);
        String reuse = BenchSupport.stringArg(args, "dataDir", null);
        Path dataDir = reuse != null ? Path.of(reuse) : Files.createTempDirectory("dialtone-sla-bench-");
        System.out.printf("Dialtone SLA benchmark: big agent %,d calls and %,d outages; %,d agents in all, "
                + "%,d calls each for the others; data in %s%n", calls, incidents, agents, smallCalls, dataDir);

        try (ConfigurableApplicationContext app = BenchSupport.start(dataDir)) {
            String base = BenchSupport.baseUrl(app);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long loadStart = System.nanoTime();
            List<String> bodies = new ArrayList<>();
            boolean loaded = reuse != null && BenchSupport.status(http, base + "/api/v1/agents/big") == 200;
            for (int a = 0; a < (loaded ? 0 : agents); a++) {
                String agent = a == 0 ? "big" : "small-" + a;
                BenchSupport.send(http, "PUT", base + "/api/v1/agents/" + agent, """
                        {"name": "%s", "timezone": "UTC", "sloTarget": 99.5, "leadValue": 300,
                         "detection": {"silence": "P3650D"}}""".formatted(agent));
                int agentIncidents = a == 0 ? incidents : 1;
                // health checks in time order, one stream per agent: DOWN, DOWN (opens), UP two minutes later, UP
                List<String> checks = new ArrayList<>();
                for (int i = 0; i < agentIncidents; i++) {
                    long t = OCTOBER.toEpochMilli() + slot(i, agentIncidents);
                    checks.add(check(agent, i + "a", t, "DOWN"));
                    checks.add(check(agent, i + "b", t + 10_000, "DOWN"));
                    checks.add(check(agent, i + "c", t + OUTAGE_MILLIS, "UP"));
                    checks.add(check(agent, i + "d", t + OUTAGE_MILLIS + 10_000, "UP"));
                }
                for (int from = 0; from < checks.size(); from += BATCH) {
                    BenchSupport.send(http, "POST", base + "/api/v1/signals/health-checks",
                            "[" + String.join(",", checks.subList(from, Math.min(checks.size(), from + BATCH))) + "]");
                }
                bodies.addAll(callBatches(agent, a == 0 ? calls : smallCalls, agentIncidents));
            }
            runParallel(clients, bodies, body -> BenchSupport.send(http, "POST", base + "/api/v1/signals/calls", body));
            String bigReport = base + "/api/v1/agents/big/sla?month=2026-10";
            // the read models are caught up once the big agent shows every call and every outage resolved
            JsonNode settled = awaitReport(http, bigReport, calls, incidents);
            System.out.printf("loaded in %.1f s: %s%n", (System.nanoTime() - loadStart) / 1e9, summary(settled));

            Histogram report = time(http, bigReport, reports / 4, reports);
            print("agent-month report (" + calls + " calls)", report);
            String tenant = base + "/api/v1/sla?month=2026-10";
            Histogram all = time(http, tenant, 3, summaries);
            print("tenant summary (" + agents + " agents)", all);

            if (rebuilds == 0) {
                System.exit(0);
            }
            readCeiling(app.getBean(EventStore.class));
            JsonNode before = JSON.readTree(BenchSupport.send(http, "GET", tenant, null));
            for (int r = 1; r <= rebuilds; r++) {
                long rebuildStart = System.nanoTime();
                JsonNode status = JSON.readTree(BenchSupport.send(http, "POST",
                        base + "/api/v1/admin/projections/rebuild", "{}"));
                long events = status.get("targetPosition").asLong() + 1;
                while (!status.get("state").asText().equals("DONE")) {
                    Thread.sleep(100);
                    status = JSON.readTree(BenchSupport.send(http, "GET",
                            base + "/api/v1/admin/projections/rebuild", null));
                }
                double seconds = (System.nanoTime() - rebuildStart) / 1e9;
                JsonNode after = JSON.readTree(BenchSupport.send(http, "GET", tenant, null));
                System.out.printf("rebuild %d: %,d events in %.1f s = %,.0f events/s; tenant summary unchanged: %s%n",
                        r, events, seconds, events / seconds, withoutAsOf(before).equals(withoutAsOf(after)));
            }
        }
        System.exit(0);
    }

    /** The ceiling for a replay: reading every event from the store and deserializing it, handling nothing. */
    private static void readCeiling(EventStore store) {
        long start = System.nanoTime();
        long events = 0;
        try (var stream = store.openStream(null)) {
            while (stream.hasNextAvailable()) {
                stream.nextAvailable().getPayload();
                events++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("read and deserialize only: %,d events in %.1f s = %,.0f events/s%n", events, seconds,
                events / seconds);
    }

    /** Start of the i-th outage: spread evenly over the month. */
    private static long slot(int i, int count) {
        return MONTH_MILLIS / (count + 1) * (i + 1);
    }

    private static String check(String agent, String id, long at, String status) {
        return """
                {"id": "%s-h%s", "agentId": "%s", "check": "sip-options", "occurredAt": "%s", "status": "%s"}"""
                .formatted(agent, id, agent, Instant.ofEpochMilli(at), status);
    }

    /** Calls spread evenly over the month, none inside an outage (a good call there would end it early). */
    private static List<String> callBatches(String agent, int count, int outages) {
        List<String> batches = new ArrayList<>();
        StringBuilder batch = new StringBuilder();
        int inBatch = 0;
        long spacing = MONTH_MILLIS / count;
        for (int c = 0; c < count; c++) {
            long at = OCTOBER.toEpochMilli() + c * spacing;
            long sinceOutage = Math.floorMod(at - OCTOBER.toEpochMilli() - slot(0, outages),
                    MONTH_MILLIS / (outages + 1));
            if (sinceOutage < OUTAGE_MILLIS + 20_000 && at >= OCTOBER.toEpochMilli() + slot(0, outages)) {
                at += OUTAGE_MILLIS + 20_000 - sinceOutage;   // move it just after the outage
            }
            String outcome = c % 50 == 7 ? "MISSED" : "ANSWERED";
            batch.append(inBatch == 0 ? "[" : ",").append("""
                    {"id": "%s-c%d", "agentId": "%s", "callId": "c%d", "occurredAt": "%s", "direction": "INBOUND",
                     "outcome": "%s", "durationSeconds": 90}""".formatted(agent, c, agent, c, Instant.ofEpochMilli(at),
                    outcome));
            if (++inBatch == BATCH || c == count - 1) {
                batches.add(batch.append(']').toString());
                batch.setLength(0);
                inBatch = 0;
            }
        }
        return batches;
    }

    private static JsonNode awaitReport(HttpClient http, String url, int calls, int incidents) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (true) {
            JsonNode report = JSON.readTree(BenchSupport.send(http, "GET", url, null));
            if (report.get("calls").get("total").asLong() == calls && report.get("incidents").asInt() == incidents
                    && report.get("mttrSeconds").isNumber() && report.get("downtimeSeconds").asDouble()
                    >= incidents * (OUTAGE_MILLIS / 1000.0) || System.nanoTime() > deadline) {
                Thread.sleep(2000);   // the last resolutions of other agents
                return JSON.readTree(BenchSupport.send(http, "GET", url, null));
            }
            Thread.sleep(1000);
        }
    }

    private static Histogram time(HttpClient http, String url, int warmup, int runs) throws Exception {
        for (int i = 0; i < warmup; i++) {
            BenchSupport.send(http, "GET", url, null);
        }
        Histogram latency = new Histogram(3);
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            BenchSupport.send(http, "GET", url, null);
            latency.recordValue((System.nanoTime() - start) / 1000);
        }
        return latency;
    }

    private static void print(String name, Histogram micros) {
        System.out.printf("%-40s p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (%d requests)%n", name,
                micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(99) / 1000.0,
                micros.getMaxValue() / 1000.0, micros.getTotalCount());
    }

    private static String summary(JsonNode report) {
        return "uptime %.4f%%, %.0f s down, %d incidents, MTTR %.0f s, %d calls, %d missed leads".formatted(
                report.get("uptimePercent").asDouble(), report.get("downtimeSeconds").asDouble(),
                report.get("incidents").asInt(), report.get("mttrSeconds").asDouble(),
                report.get("calls").get("total").asLong(), report.get("missedLeads").asLong());
    }

    private static JsonNode withoutAsOf(JsonNode json) {
        JsonNode copy = json.deepCopy();
        copy.findParents("asOf").forEach(parent -> ((ObjectNode) parent).remove("asOf"));
        return copy;
    }

    private static void runParallel(int clients, List<String> bodies, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (String body : bodies) {
            running.add(pool.submit(() -> {
                work.run(body);
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        pool.shutdown();
    }

    @FunctionalInterface
    private interface Work {
        void run(String body) throws Exception;
    }
}
