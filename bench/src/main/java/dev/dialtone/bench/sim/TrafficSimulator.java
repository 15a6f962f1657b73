package dev.dialtone.bench.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Drives a running Dialtone over HTTP the way a fleet of AI voice agent lines would: call outcomes and health checks
 * for {@code agents} lines, on a business-hours curve, with faults injected on a schedule, so that ingestion,
 * detection and escalation can be watched (and drilled: {@code kill -9} the server, compare the ledger) under fire.
 * <p>
 * <b>Model.</b> Each agent has a peak volume of 12-60 calls per hour (seeded), shaped by {@link DailyCurve} in its own
 * US time zone; arrivals are a Poisson process ({@link Arrivals}) drawn in 20 ms steps; outcomes follow
 * {@link CallModel} ({@code badRate} of inbound calls end badly on a healthy line). Every agent sends a
 * {@code sip-options} health check every {@code probeInterval} simulated seconds (UP, ~100 ms). With {@code rate}
 * the call volumes are scaled so that calls plus health checks average exactly {@code rate} signals per second over
 * the run (spikes come on top, and the busiest zones carry most of it); without it the model's own hourly volumes
 * apply.
 * <p>
 * <b>Time.</b> Simulated time runs {@code speed} times faster than the wall clock and is what {@code occurredAt}
 * carries. Dialtone refuses signals from more than 5 minutes in the future, so simulated time starts
 * {@code (speed - 1) x seconds} in the past and reaches the present exactly when the run ends ({@link SimulatedTime}):
 * at {@code speed=1} it is the wall clock; {@code speed=1440 seconds=60} replays the last 24 hours in a minute.
 * Health-check intervals are simulated seconds (compressed with the day); fault start and duration, and
 * {@code seconds}, are wall-clock seconds from the first signal. Detection runs on {@code occurredAt}, but
 * SILENCE is a wall-clock timer in Dialtone, so a compressed run cannot show it.
 * <p>
 * <b>Faults</b> ({@link FaultSchedule}): {@code faults=<kind>@<startSecond>+<durationSeconds>[:<agents>],...} with
 * kinds {@code outage}, {@code drop15}, {@code transfer-fail}, {@code silence}, {@code spike2}, {@code spike10} and
 * agents an index, a range {@code 0-9} or {@code all} (default 0).
 * <p>
 * <b>Sending</b> ({@link Batcher}, {@link Sender}): batches of up to {@code batch} signals, each waiting at most
 * 200 ms; {@code clients} HTTP/1.1 senders; ids {@code <runId>-<agent>-<seq>}. 429/503 wait {@code Retry-After}
 * and resend the same batch (counted as refused); no answer is retried with backoff; another 5xx is an ERROR and
 * makes the exit code 1 (a 4xx makes it 2). With {@code ledger=<file>}, every acknowledged id is appended to it
 * (one per line; calls and health checks share each agent's sequence, so an id is unique across both kinds).
 * At the end the summary waits for Dialtone's read model to show every agent's last call, then lists the incidents.
 * <p>
 * <b>Arguments</b> ({@code name=value}): {@code url=http://localhost:8080 key=<bench key> agents=20 rate=
 * seconds=60 speed=1 clients=4 probeInterval=30 faults= seed=1 ledger= setup=true prefix=sim policyWebhook=
 * embedded=false batch=500 runId=r<epoch seconds base 36> badRate=0.03}. {@code setup=true} creates (or replaces)
 * the agents {@code <prefix>-<i>} first; {@code policyWebhook=<url>} adds policy {@code <prefix>-policy} paging
 * that webhook; {@code embedded=true} starts Dialtone in this JVM on a fresh temporary data directory (leave out
 * {@code url} and {@code key}).
 * <p>
 * <b>Running</b>, from the repository root. With {@code exec:exec} the other modules come from {@code ~/.m2} (as
 * installed by a full build); {@code -am} cannot be combined with it, as the goal would then run in every module of
 * the reactor and the parent has no exec plugin:
 * <pre>
 * ./mvnw -B -o -q -pl bench -am package -DskipTests &amp;&amp; ./mvnw -q -o -pl bench exec:exec \
 *   -Dbench.main=dev.dialtone.bench.sim.TrafficSimulator \
 *   -Dbench.args="embedded=true agents=20 rate=2000 seconds=30 faults=outage@10+15:3,spike10@5+5"
 * </pre>
 * or, with this worktree's modules rather than {@code ~/.m2}'s:
 * <pre>
 * ./mvnw -B -o -q -pl bench -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
 *   -DskipTests &amp;&amp; java -Daxoniq.update-checker.disabled=true \
 *   -cp bench/target/classes:$(cat bench/target/classpath.txt) dev.dialtone.bench.sim.TrafficSimulator \
 *   embedded=true agents=20 rate=2000 seconds=30
 * </pre>
 */
public final class TrafficSimulator {

    static final double STEP_SECONDS = 0.02;
    static final Duration DRAIN = Duration.ofSeconds(60);
    static final Duration DRAIN_ON_SIGNAL = Duration.ofSeconds(5);

    private final SimulatorOptions options;
    private final Stats stats = new Stats();
    private final AtomicBoolean stopGenerating = new AtomicBoolean();
    private final AtomicBoolean generationDone = new AtomicBoolean();
    private final AtomicBoolean aborted = new AtomicBoolean();
    private final AtomicBoolean finishing = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final BlockingQueue<Batch> queue;
    private final List<SimAgent> agents = new ArrayList<>();
    private final double probePeriod;
    private final CallModel calls;
    private ConfigurableApplicationContext app;
    private SimulatorOptions server;
    private HttpClient http;
    private Ledger ledger;
    private SimulatedTime time;
    private double callScale = 1;
    private long startNanos;
    private volatile double generatedUntil;
    private Thread generator;
    private final List<Thread> senders = new ArrayList<>();
    private ScheduledExecutorService ticker;
    private long lastAcknowledged;
    private long lastSecondRate;
    private int exitCode;

    TrafficSimulator(SimulatorOptions options) {
        this.options = options;
        this.queue = new ArrayBlockingQueue<>(Math.max(8, options.clients() * 4));
        this.probePeriod = options.probeInterval() == 0 ? 0 : options.probeInterval() / options.speed();
        this.calls = new CallModel(options.badRate());
    }

    public static void main(String[] args) throws Exception {
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args, Instant.now());
        } catch (IllegalArgumentException e) {
            System.err.println("traffic simulator: " + e.getMessage());
            System.err.println("arguments (name=value): " + SimulatorOptions.NAMES.stream()
                    .map(n -> n + "=" + SimulatorOptions.DEFAULTS.get(n)).collect(Collectors.joining(" ")));
            System.exit(64);
            return;
        }
        System.exit(new TrafficSimulator(options).run());
    }

    int run() throws Exception {
        server = options;
        if (options.embedded()) {
            Path dataDir = Files.createTempDirectory("dialtone-sim-");
            System.out.println("starting Dialtone in this JVM, data in " + dataDir);
            app = EmbeddedDialtone.start(dataDir);
            server = options.withServer(EmbeddedDialtone.url(app), SimulatorOptions.BENCH_KEY);
        }
        String base = server.url().toString().replaceAll("/+$", "");
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        DialtoneClient client = new DialtoneClient(http, base, server.key());

        SplittableRandom seeded = new SplittableRandom(options.seed());
        for (int i = 0; i < options.agents(); i++) {
            agents.add(new SimAgent(i, options.prefix(), seeded, probePeriod));
        }
        if (options.setup()) {
            setUp(client);
        }

        Instant wallStart = Instant.now();
        startNanos = System.nanoTime();
        time = SimulatedTime.starting(wallStart, options.speed(), options.seconds());
        double modelCalls = averageModelCallsPerSecond();
        double calls = modelCalls;
        if (options.rate() != null) {
            calls = options.rate() - options.probesPerSecond();
            callScale = calls / modelCalls;
        }
        printHeader(base, modelCalls, calls);
        if (options.ledger() != null) {
            ledger = new Ledger(options.ledger());
        }

        for (int c = 0; c < options.clients(); c++) {
            Thread sender = new Thread(new Sender(http, base, server.key(), queue, stats, ledger, generationDone,
                    aborted), "sim-sender-" + c);
            senders.add(sender);
            sender.start();
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::everySecond, 1, 1, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> finish(true), "sim-shutdown"));
        generator = new Thread(this::generate, "sim-generator");
        generator.start();
        generator.join();
        return finish(false);
    }

    private void setUp(DialtoneClient client) throws Exception {
        String policy = null;
        if (options.policyWebhook() != null) {
            policy = client.putWebhookPolicy(options.prefix() + "-policy", options.policyWebhook());
            System.out.println("escalation policy " + policy + " pages " + options.policyWebhook());
        }
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(options.clients());
        try {
            List<Future<?>> puts = new ArrayList<>();
            String policyId = policy;
            for (SimAgent agent : agents) {
                puts.add(pool.submit(() -> {
                    client.putAgent(agent, policyId);
                    return null;
                }));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf("set up %d agents (%s-0..%s-%d) in %.1f s%n", agents.size(), options.prefix(),
                options.prefix(), agents.size() - 1, (System.nanoTime() - t0) / 1e9);
    }

    /** The unscaled model's calls per wall second, averaged over the run's simulated span (all agents). */
    private double averageModelCallsPerSecond() {
        int samples = (int) Math.max(10, Math.min(2000, options.speed() * options.seconds() / 60));
        double sum = 0;
        for (int s = 0; s < samples; s++) {
            Instant at = time.at((s + 0.5) * options.seconds() / samples);
            for (SimAgent agent : agents) {
                sum += agent.callsPerSecondAt(at);
            }
        }
        return sum / samples * options.speed();
    }

    private void printHeader(String base, double modelCalls, double calls) {
        System.out.printf("Dialtone traffic simulator, run %s against %s: %d agents, %d s at speed %s, %d clients,"
                        + " batches of up to %d, seed %d%n", options.runId(), base, options.agents(),
                options.seconds(), fmt(options.speed()), options.clients(), options.batch(), options.seed());
        System.out.printf("simulated time %s .. %s%n", time.at(0).truncatedTo(ChronoUnit.SECONDS),
                time.at(options.seconds()).truncatedTo(ChronoUnit.SECONDS));
        System.out.printf("model: %,.1f calls/s (%s) + %,.1f health checks/s = %,.1f signals/s on average%n", calls,
                options.rate() == null ? "the model's own volumes" : String.format("model volume %,.2f/s scaled x%,.1f",
                        modelCalls, callScale), options.probesPerSecond(), calls + options.probesPerSecond());
        if (!options.faults().isEmpty()) {
            System.out.println("faults: " + options.faults().faults().stream()
                    .map(f -> f + (f.cause() == null ? "" : " (" + f.cause() + ")")).collect(Collectors.joining(", ")));
        }
        if (options.ledger() != null) {
            System.out.println("ledger: acknowledged ids appended to " + options.ledger().toAbsolutePath());
        }
    }

    /** The generator thread: walks wall time in 20 ms steps, drawing each agent's calls and health checks. */
    private void generate() {
        Batcher batcher = new Batcher(queue, options.batch(), aborted::get);
        try {
            while (!stopGenerating.get()) {
                double now = Math.min(options.seconds(), elapsed());
                while (generatedUntil < now && !stopGenerating.get()) {
                    double from = generatedUntil;
                    double to = Math.min(now, from + STEP_SECONDS);
                    for (SimAgent agent : agents) {
                        step(agent, from, to, batcher);
                    }
                    generatedUntil = to;
                    batcher.flushStale(System.nanoTime());
                }
                if (generatedUntil >= options.seconds()) {
                    break;
                }
                batcher.flushStale(System.nanoTime());
                Thread.sleep(5);
            }
            batcher.flushAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.out.println("!!! the generator failed: " + e);
            e.printStackTrace(System.out);
        } finally {
            stats.abandoned.add(batcher.pendingSignals());
            generationDone.set(true);
        }
    }

    private void step(SimAgent agent, double from, double to, Batcher batcher) throws InterruptedException {
        FaultState faults = options.faults().stateFor(agent.index, from);
        if (!faults.silent()) {
            double rate = callScale * options.speed() * agent.callsPerSecondAt(time.at(from))
                    * faults.rateMultiplier();
            for (double t = Arrivals.next(from, rate, agent.arrivals); t < to;
                 t = Arrivals.next(t, rate, agent.arrivals)) {
                call(agent, t, faults, batcher);
            }
        }
        while (agent.nextProbe < to) {
            if (!faults.silent()) {
                healthCheck(agent, agent.nextProbe, faults, batcher);
            }
            agent.nextProbe += probePeriod;
        }
    }

    private void call(SimAgent agent, double at, FaultState faults, Batcher batcher) throws InterruptedException {
        SimulatedCall call = calls.next(agent.outcomes, faults);
        String id = agent.nextId(options.runId());
        Instant occurredAt = time.at(at).truncatedTo(ChronoUnit.MILLIS);
        agent.lastCallAt = occurredAt;
        String json = "{\"id\":\"" + id + "\",\"agentId\":\"" + agent.agentId + "\",\"occurredAt\":\""
                + occurredAt + "\",\"direction\":\"" + call.direction()
                + "\",\"outcome\":\"" + call.outcome() + "\",\"durationSeconds\":" + call.durationSeconds()
                + ",\"reason\":\"" + call.reason() + "\"}";
        stats.generatedCalls.increment();
        batcher.call(id, json);
    }

    private void healthCheck(SimAgent agent, double at, FaultState faults, Batcher batcher)
            throws InterruptedException {
        String id = agent.nextId(options.runId());
        boolean down = faults.outage();
        long latency = down ? 5000 : 60 + Math.round(Arrivals.exponential(agent.probes, 40));
        String json = "{\"id\":\"" + id + "\",\"agentId\":\"" + agent.agentId + "\",\"check\":\"sip-options\","
                + "\"occurredAt\":\"" + time.at(at).truncatedTo(ChronoUnit.MILLIS) + "\",\"status\":\""
                + (down ? "DOWN" : "UP") + "\",\"latencyMs\":" + latency + ",\"detail\":\""
                + (down ? "timeout" : "200 OK") + "\"}";
        stats.generatedHealthChecks.increment();
        batcher.healthCheck(id, json);
    }

    private double elapsed() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private int ticks;

    private void everySecond() {
        try {
            long acknowledged = stats.acknowledged.sum();
            lastSecondRate = acknowledged - lastAcknowledged;
            lastAcknowledged = acknowledged;
            if (ledger != null) {
                ledger.flush();
            }
            if (++ticks % 5 == 0) {
                System.out.println(progressLine());
            }
        } catch (RuntimeException e) {
            System.out.println("!!! progress: " + e);
        }
    }

    private String progressLine() {
        double elapsed = elapsed();
        Histogram interval = stats.interval();
        List<Fault> active = options.faults().activeAt(Math.min(elapsed, generatedUntil));
        StringBuilder line = new StringBuilder(String.format(
                "[%4.0fs] sent %,d acked %,d (dup %,d) refused %,d errors %,d | %,d/s now %,.0f/s avg | p50 %s p99 %s",
                elapsed, stats.sent.sum(), stats.acknowledged.sum(), stats.duplicates.sum(), stats.refusedSignals.sum(),
                stats.errorSignals.sum(), lastSecondRate, stats.acknowledged.sum() / Math.max(elapsed, 1e-3),
                millis(interval, 50), millis(interval, 99)));
        if (stats.rejectedSignals.sum() > 0) {
            line.append(String.format(" | REJECTED %,d", stats.rejectedSignals.sum()));
        }
        if (stats.connectionErrors.sum() > 0) {
            line.append(String.format(" | no answer %,d", stats.connectionErrors.sum()));
        }
        double lag = Math.min(elapsed, options.seconds()) - generatedUntil;
        if (queue.size() > queue.remainingCapacity() || lag > 0.5) {
            line.append(String.format(" | queued %d batches, generator %.1f s behind", queue.size(), lag));
        }
        line.append(" | faults: ").append(active.isEmpty() ? "none"
                : active.stream().map(Fault::label).collect(Collectors.joining(" ")));
        return line.toString();
    }

    /**
     * Stops generating, lets the senders drain (60 s, or 5 s after a signal), then prints the summary. Runs once:
     * from the main thread at the end of the run, or from the shutdown hook on SIGINT/SIGTERM.
     */
    private int finish(boolean signalled) {
        if (!finishing.compareAndSet(false, true)) {
            try {
                finished.await(signalled ? 15 : Long.MAX_VALUE, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return exitCode;
        }
        try {
            if (signalled) {
                System.out.println();
                System.out.println("stopping: signal received, draining for up to " + DRAIN_ON_SIGNAL.toSeconds()
                        + " s");
            }
            stopGenerating.set(true);
            long deadline = System.nanoTime() + (signalled ? DRAIN_ON_SIGNAL : DRAIN).toNanos();
            join(generator, deadline);
            generationDone.set(true);
            for (Thread sender : senders) {
                join(sender, deadline);
            }
            if (senders.stream().anyMatch(Thread::isAlive)) {
                System.out.println("!!! gave up draining: " + queue.size() + " batches still queued");
                aborted.set(true);
                for (Thread sender : senders) {
                    join(sender, System.nanoTime() + TimeUnit.SECONDS.toNanos(2));
                }
                queue.forEach(batch -> stats.abandoned.add(batch.size()));
            }
            ticker.shutdownNow();
            if (ledger != null) {
                ledger.flush();
                ledger.close();
            }
            printSummary(elapsed());
            if (!signalled) {
                printIncidents();
            }
            exitCode = stats.errorRequests.sum() > 0 ? 1 : stats.rejectedSignals.sum() > 0 ? 2 : 0;
            if (app != null) {
                app.close();
            }
        } catch (Exception e) {
            System.out.println("!!! while finishing: " + e);
            exitCode = Math.max(exitCode, 3);
        } finally {
            System.out.flush();
            finished.countDown();
        }
        return exitCode;
    }

    private static void join(Thread thread, long deadlineNanos) throws InterruptedException {
        if (thread == null) {
            return;
        }
        long left = deadlineNanos - System.nanoTime();
        if (left > 0) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }

    private void printSummary(double seconds) {
        Histogram latency = stats.total();
        long generated = stats.generated();
        long acknowledged = stats.acknowledged.sum();
        long unacknowledged = generated - acknowledged - stats.rejectedSignals.sum() - stats.errorSignals.sum();
        System.out.println();
        System.out.printf("== summary of run %s: %.1f s, %d agents, speed %s, seed %d ==%n", options.runId(), seconds,
                options.agents(), fmt(options.speed()), options.seed());
        System.out.printf("generated          %,d signals (%,d calls, %,d health checks)%n", generated,
                stats.generatedCalls.sum(), stats.generatedHealthChecks.sum());
        System.out.printf("acknowledged       %,d (accepted %,d, duplicates %,d) = %,.0f/s%n", acknowledged,
                stats.accepted.sum(), stats.duplicates.sum(), acknowledged / seconds);
        System.out.printf("refused (429/503)  %,d signals in %,d requests, resent after Retry-After%n",
                stats.refusedSignals.sum(), stats.refusedRequests.sum());
        System.out.printf("no answer          %,d attempts, retried with backoff%n", stats.connectionErrors.sum());
        System.out.printf("rejected (4xx)     %,d signals%n", stats.rejectedSignals.sum());
        System.out.printf("%s %,d signals in %,d requests%s%n",
                stats.errorRequests.sum() > 0 ? "ERRORS (5xx)      " : "errors (5xx)      ", stats.errorSignals.sum(),
                stats.errorRequests.sum(), stats.errorRequests.sum() > 0 ? "  <-- a defect of the server" : "");
        System.out.printf("not acknowledged   %,d (still unsent or given up when the run stopped)%n",
                Math.max(0, unacknowledged));
        System.out.printf("requests           %,d, statuses %s%n", stats.requests.sum(), stats.statuses());
        System.out.printf("request latency    p50 %s  p90 %s  p99 %s  p99.9 %s  max %s%n", millis(latency, 50),
                millis(latency, 90), millis(latency, 99), millis(latency, 99.9),
                String.format("%.1f ms", latency.getMaxValue() / 1000.0));
        if (ledger != null) {
            System.out.printf("ledger             %,d ids in %s%n", ledger.lines(), ledger.file().toAbsolutePath());
        }
    }

    /**
     * The incidents of the simulated agents as Dialtone's read model shows them once it has caught up: those detected
     * during the run, those still open, and, per fault, whether the incident it should cause appeared.
     */
    private void printIncidents() {
        try {
            DialtoneClient client = new DialtoneClient(http, server.url().toString().replaceAll("/+$", ""),
                    server.key());
            System.out.println();
            awaitReadModel(client);
            List<JsonNode> during = settled(client, "from=" + time.at(0).truncatedTo(ChronoUnit.SECONDS));
            Map<String, List<JsonNode>> byAgent = byAgent(during);
            System.out.printf("incidents detected during the run: %d%s%n", during.stream()
                    .filter(i -> index(i.path("agentId").asText()) >= 0).count(), options.speed() == 1
                    ? " (opened: wall-clock seconds from the signal that completed the evidence to the incident)" : "");
            int shown = 0;
            for (Map.Entry<String, List<JsonNode>> agent : byAgent.entrySet()) {
                if (shown++ == 40) {
                    System.out.println("  ... and " + (byAgent.size() - 40) + " more agents");
                    break;
                }
                int index = index(agent.getKey());
                boolean harmed = options.faults().faults().stream()
                        .anyMatch(f -> f.covers(index) && f.kind().expectedIncident() != null);
                System.out.printf("  %-10s %s%s%n", agent.getKey(), agent.getValue().stream()
                        .map(this::describe).collect(Collectors.joining("; ")), harmed ? "" : "  <- no fault injected");
            }
            List<JsonNode> open = new ArrayList<>(client.incidents("status=OPEN", 5000));
            open.addAll(client.incidents("status=ACKNOWLEDGED", 5000));
            Map<String, List<JsonNode>> openByAgent = byAgent(open);
            System.out.printf("open at the end (OPEN or ACKNOWLEDGED): %d%s%n", openByAgent.values().stream()
                    .mapToInt(List::size).sum(), openByAgent.isEmpty() ? "" : ": " + openByAgent.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue().stream().map(i -> i.path("kind").asText() + "/"
                            + i.path("status").asText()).collect(Collectors.joining(",")))
                    .collect(Collectors.joining(", ")));
            for (Fault fault : options.faults().faults()) {
                String expected = fault.kind().expectedIncident();
                long hit = agents.stream().filter(a -> fault.covers(a.index)).filter(a -> byAgent
                        .getOrDefault(a.agentId, List.of()).stream()
                        .anyMatch(i -> i.path("kind").asText().equals(expected))).count();
                if (expected == null) {
                    System.out.printf("fault %-24s no incident due; agents with any incident: %d of %d%n", fault,
                            agents.stream().filter(a -> fault.covers(a.index))
                                    .filter(a -> byAgent.containsKey(a.agentId)).count(), fault.agentCount());
                } else {
                    System.out.printf("fault %-24s %s on %d of %d agents%s%n", fault, expected, hit,
                            fault.agentCount(), fault.kind() == FaultKind.SILENCE
                                    ? " (judged on the wall clock: 30 min of business hours without a sign of life;"
                                    + " a short or compressed run cannot show it)" : "");
                }
            }
        } catch (IOException e) {
            System.out.println("incidents: could not read them: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String describe(JsonNode incident) {
        String text = incident.path("kind").asText() + " " + incident.path("status").asText() + " ("
                + incident.path("id").asText() + ", detected " + incident.path("detectedAt").asText();
        if (options.speed() == 1 && incident.path("openedAt").isTextual() && incident.path("detectedAt").isTextual()) {
            Duration lag = Duration.between(Instant.parse(incident.path("detectedAt").asText()),
                    Instant.parse(incident.path("openedAt").asText()));
            text += String.format(", opened %+.1f s", lag.toMillis() / 1000.0);
        }
        return text + ")";
    }

    /**
     * Waits until the read model shows every agent's last call: Dialtone acknowledges signals once stored, and its
     * projections and detection follow asynchronously, so under load incidents appear well after the run.
     */
    private void awaitReadModel(DialtoneClient client) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        long lastChange = t0;
        Map<String, Instant> previous = Map.of();
        while (true) {
            Map<String, Instant> seen = client.lastCalls();
            long behind = agents.stream().filter(a -> a.lastCallAt != null)
                    .filter(a -> seen.get(a.agentId) == null || seen.get(a.agentId).isBefore(a.lastCallAt)).count();
            long now = System.nanoTime();
            if (behind == 0) {
                System.out.printf("read model caught up with every agent's last call %.1f s after sending ended%n",
                        (now - t0) / 1e9);
                return;
            }
            if (!seen.equals(previous)) {
                previous = seen;
                lastChange = now;
            }
            if (now - lastChange > TimeUnit.SECONDS.toNanos(15) || now - t0 > TimeUnit.MINUTES.toNanos(5)) {
                System.out.printf("read model still behind on %d agents after %.0f s; showing what it has%n", behind,
                        (now - t0) / 1e9);
                return;
            }
            Thread.sleep(500);
        }
    }

    /** The incidents list once detection has settled: the same answer three times, a second apart (max 30 s). */
    private static List<JsonNode> settled(DialtoneClient client, String query)
            throws IOException, InterruptedException {
        List<JsonNode> previous = client.incidents(query, 5000);
        int same = 0;
        for (int i = 0; i < 30 && same < 2; i++) {
            Thread.sleep(1000);
            List<JsonNode> current = client.incidents(query, 5000);
            same = signature(current).equals(signature(previous)) ? same + 1 : 0;
            previous = current;
        }
        return previous;
    }

    private static String signature(List<JsonNode> incidents) {
        return incidents.stream().map(i -> i.path("id").asText() + ":" + i.path("status").asText())
                .sorted().collect(Collectors.joining(","));
    }

    private Map<String, List<JsonNode>> byAgent(List<JsonNode> incidents) {
        Map<String, List<JsonNode>> result = new TreeMap<>((a, b) -> Integer.compare(index(a), index(b)));
        for (JsonNode incident : incidents) {
            String agentId = incident.path("agentId").asText();
            if (index(agentId) >= 0) {
                result.computeIfAbsent(agentId, k -> new ArrayList<>()).add(incident);
            }
        }
        return result;
    }

    /** The agent's index in this run, or -1 for an agent that is not one of the run's. */
    private int index(String agentId) {
        String prefix = options.prefix() + "-";
        if (!agentId.startsWith(prefix) || !agentId.substring(prefix.length()).matches("\\d{1,6}")) {
            return -1;
        }
        int index = Integer.parseInt(agentId.substring(prefix.length()));
        return index < options.agents() ? index : -1;
    }

    private static String millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? "-" : String.format("%.1f ms",
                histogram.getValueAtPercentile(percentile) / 1000.0);
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
