package dev.dialtone.bench;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.signal.api.AgentSignal;
import dev.dialtone.domain.signal.api.CallDirection;
import dev.dialtone.domain.signal.api.CallOutcome;
import dev.dialtone.domain.signal.api.CallOutcomeRecordedEvent;
import dev.dialtone.domain.signal.api.SignalIdentity;
import dev.dialtone.domain.signal.api.SignalKind;
import dev.dialtone.domain.tenancy.TenantId;
import org.HdrHistogram.Histogram;
import dev.dialtone.projections.ProcessingGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast call outcomes get in: over HTTP in batches of 500, against the ceilings of the same PostgreSQL measured
 * in the same run (raw JDBC batch inserts of event-sized rows, and Axon's event store appending 500 events per
 * call). Starts Dialtone on a fresh data directory with durable (fsync on) embedded stores.
 * <p>
 * Arguments: {@code clients=4 batches=400 batchSize=500 agents=20}.
 */
public final class IngestBenchmark {


    public static void main(String[] args) throws Exception {
        int clients = BenchSupport.intArg(args, "clients", 4);
        int batches = BenchSupport.intArg(args, "batches", 400);
        int batchSize = BenchSupport.intArg(args, "batchSize", 500);
        int agents = BenchSupport.intArg(args, "agents", 20);
        PAUSE_ALL = List.of(args).contains("paused=all");
        Path dataDir = Files.createTempDirectory("dialtone-bench-");
        System.out.printf("Dialtone ingest benchmark: %d clients, %d batches of %d, %d agents, data in %s%n",
                clients, batches, batchSize, agents, dataDir);

        try (ConfigurableApplicationContext app = BenchSupport.start(dataDir)) {
            String base = BenchSupport.baseUrl(app);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int a = 0; a < agents; a++) {
                BenchSupport.send(http, "PUT", base + "/api/v1/agents/bench-" + a,
                        "{\"name\": \"Bench " + a + "\", \"timezone\": \"UTC\"}");
            }

            EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
            EventStore store = app.getBean(EventStore.class);
            DataSource dataSource = app.getBean(DataSource.class);

            // ceilings first, on a quiet system
            Result jdbcOne = rawJdbc(dataSource, 1, batches / 4, batchSize);
            Result jdbc = rawJdbc(dataSource, clients, batches / 2, batchSize);
            pauseProjections(processing);
            Result axon = axonAppend(store, clients, batches / 2, batchSize, agents);
            Result paused = overHttp(http, base, clients, batches, batchSize, agents, "paused");
            long backlog = head(store) - projected(processing);
            long t0 = System.nanoTime();
            resumeProjections(processing);
            awaitProjections(processing, store);
            double catchUp = backlog / ((System.nanoTime() - t0) / 1e9);
            Result live = overHttp(http, base, clients, batches, batchSize, agents, "live");
            long lagAtEnd = head(store) - projected(processing);
            t0 = System.nanoTime();
            awaitProjections(processing, store);
            double drain = (System.nanoTime() - t0) / 1e9;

            System.out.println();
            System.out.println("path                                          signals/s   batch p50 ms   batch p99 ms");
            print("raw JDBC insert, 1 connection", jdbcOne);
            print("raw JDBC insert, " + clients + " connections", jdbc);
            print("Axon EventStore.publish, " + clients + " threads", axon);
            print("HTTP POST /signals/calls, " + (PAUSE_ALL ? "all processors" : "projections") + " paused", paused);
            print("HTTP POST /signals/calls, projections live", live);
            System.out.printf("%nprojection catch-up: %,d events in %.1f s = %,.0f events/s%n", backlog,
                    backlog / catchUp, catchUp);
            System.out.printf("projection lag when the live run ended: %,d events, drained in %.1f s%n",
                    lagAtEnd, drain);
            System.out.printf("HTTP (live) = %.0f%% of raw JDBC with 1 connection, %.0f%% with %d connections%n",
                    100 * live.perSecond / jdbcOne.perSecond, 100 * live.perSecond / jdbc.perSecond, clients);
        }
    }

    private static TrackingEventProcessor projections(EventProcessingConfiguration processing) {
        return processing.eventProcessor(ProcessingGroups.PROJECTIONS, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no tracking processor 'projections'"));
    }

    /** Every processor that reads the signal stream: with {@code paused=all}, all of them, else the projections. */
    private static List<EventProcessor> readers(EventProcessingConfiguration processing) {
        return PAUSE_ALL ? List.copyOf(processing.eventProcessors().values().stream()
                .filter(p -> p instanceof StreamingEventProcessor).toList()) : List.of(projections(processing));
    }

    private static void pauseProjections(EventProcessingConfiguration processing) {
        readers(processing).forEach(EventProcessor::shutDown);
    }

    private static void resumeProjections(EventProcessingConfiguration processing) {
        readers(processing).forEach(EventProcessor::start);
    }

    private static boolean PAUSE_ALL;

    private static long head(EventStore store) {
        return store.createHeadToken().position().orElse(0);
    }

    private static long projected(EventProcessingConfiguration processing) {
        return projections(processing).processingStatus().values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(0)).min().orElse(0);
    }

    private static void awaitProjections(EventProcessingConfiguration processing, EventStore store)
            throws InterruptedException {
        long target = head(store);
        while (projected(processing) < target) {
            Thread.sleep(20);
        }
    }

    private static Result overHttp(HttpClient http, String base, int clients, int batches, int batchSize,
                                   int agents, String run) throws Exception {
        Random random = new Random(42);
        int warmup = Math.max(clients * 4, batches / 10);
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < batches + warmup; b++) {
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < batchSize; i++) {
                if (i > 0) {
                    body.append(',');
                }
                body.append("{\"id\":\"http-").append(run).append('-').append(b).append('-').append(i)
                        .append("\",\"agentId\":\"bench-").append(random.nextInt(agents))
                        .append("\",\"callId\":\"call-").append(b).append('-').append(i)
                        .append("\",\"occurredAt\":\"").append(Instant.parse("2026-11-25T00:00:00Z")
                                .plusMillis(b * 1000L + i)).append("\",\"direction\":\"INBOUND\",\"outcome\":\"")
                        .append(random.nextInt(100) < 4 ? "DROPPED" : "ANSWERED")
                        .append("\",\"durationSeconds\":").append(30 + random.nextInt(300))
                        .append(",\"reason\":\"customer-ended-call\"}");
            }
            bodies.add(body.append(']').toString());
        }
        runParallel(clients, bodies.subList(0, warmup), body -> BenchSupport.send(http, "POST",
                base + "/api/v1/signals/calls", body), new Histogram(3));
        return measure(clients, bodies.subList(warmup, bodies.size()), batchSize,
                body -> BenchSupport.send(http, "POST", base + "/api/v1/signals/calls", body));
    }

    private static Result axonAppend(EventStore store, int clients, int batches, int batchSize, int agents)
            throws Exception {
        TenantId tenant = new TenantId("bench");
        List<List<EventMessage<AgentSignal>>> work = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            List<EventMessage<AgentSignal>> batch = new ArrayList<>();
            for (int i = 0; i < batchSize; i++) {
                String id = "axon-" + b + "-" + i;
                AgentSignal signal = new CallOutcomeRecordedEvent(id, tenant, new AgentId("bench-" + (i % agents)),
                        id, Instant.now(), CallDirection.INBOUND, CallOutcome.ANSWERED, 42.0, "customer-ended-call",
                        "bench");
                batch.add(new GenericEventMessage<>(SignalIdentity.eventIdentifier(tenant, SignalKind.CALL, id),
                        signal, MetaData.emptyInstance(), Instant.now()));
            }
            work.add(batch);
        }
        return measure(clients, work, batchSize, store::publish);
    }

    private static Result rawJdbc(DataSource dataSource, int clients, int batches, int batchSize) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_raw_insert");
            // same columns, constraints and indexes, but its own sequence: borrowing the event table's would leave
            // gaps in the global index that every tracking processor then has to carry
            s.execute("CREATE TABLE bench_raw_insert (LIKE DomainEventEntry INCLUDING CONSTRAINTS INCLUDING INDEXES)");
            s.execute("CREATE SEQUENCE bench_raw_insert_seq");
            s.execute("ALTER TABLE bench_raw_insert ALTER COLUMN globalIndex SET DEFAULT nextval('bench_raw_insert_seq')");
        }
        byte[] payload = ("{\"signalId\":\"raw-000000-000\",\"tenant\":\"bench\",\"agentId\":\"bench-7\",\"callId\":"
                + "\"raw-000000-000\",\"occurredAt\":\"2026-11-25T00:00:00Z\",\"direction\":\"INBOUND\",\"outcome\":"
                + "\"ANSWERED\",\"durationSeconds\":42.0,\"reason\":\"customer-ended-call\",\"source\":\"api\"}")
                .getBytes();
        AtomicLong sequence = new AtomicLong();
        List<Integer> work = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            work.add(b);
        }
        Result result = measure(clients, work, batchSize, b -> {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_raw_insert (eventIdentifier,"
                        + " aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payloadRevision,"
                        + " payload, metaData) VALUES (?,?,?,?,?,?,?,?,?)")) {
                    for (int i = 0; i < batchSize; i++) {
                        String id = "raw-" + sequence.incrementAndGet();
                        insert.setString(1, id);
                        insert.setString(2, id);
                        insert.setLong(3, 0);
                        insert.setString(4, null);
                        insert.setString(5, Instant.now().toString());
                        insert.setString(6, CallOutcomeRecordedEvent.class.getName());
                        insert.setString(7, null);
                        insert.setBytes(8, payload);
                        insert.setBytes(9, "{}".getBytes());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                c.commit();
            }
        });
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE bench_raw_insert");
            s.execute("DROP SEQUENCE bench_raw_insert_seq");
        }
        return result;
    }

    private interface Work<T> {
        void run(T item) throws Exception;
    }

    private record Result(double perSecond, Histogram latency) {
    }

    private static <T> Result measure(int clients, List<T> items, int perItem, Work<T> work) throws Exception {
        Histogram latency = new Histogram(3);
        long start = System.nanoTime();
        runParallel(clients, items, work, latency);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(items.size() * (double) perItem / seconds, latency);
    }

    private static <T> void runParallel(int clients, List<T> items, Work<T> work, Histogram latency)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong next = new AtomicLong();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                for (long i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    work.run(items.get((int) i));
                    long micros = (System.nanoTime() - t0) / 1000;
                    synchronized (latency) {
                        latency.recordValue(micros);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
    }


    private static void print(String name, Result result) {
        System.out.printf("%-44s %10.0f %14.1f %14.1f%n", name, result.perSecond,
                result.latency.getValueAtPercentile(50) / 1000.0, result.latency.getValueAtPercentile(99) / 1000.0);
    }

}
