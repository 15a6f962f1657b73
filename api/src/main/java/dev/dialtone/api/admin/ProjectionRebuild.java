package dev.dialtone.api.admin;

import dev.dialtone.api.store.EmbeddedMongoServer;
import dev.dialtone.domain.ConflictException;
import dev.dialtone.projections.ProcessingGroups;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Drops the read models (each projection's reset handler) and replays the whole event store into them. The
 * projections processor is stopped and its token reset to the start of the stream; a {@link BulkReplay} then feeds
 * the processor's handlers in large chunks, and the processor is started again from where the replay ended. Every
 * 50,000 events the replay's progress becomes the processor's token, once the read models hold it (the embedded
 * server commits then, instead of after every write), so a crash resumes the replay from there, through the
 * processor. Progress goes to the log every five seconds and to the gauge {@code dialtone.projections.rebuild.progress}
 * (0 to 1). If the bulk replay fails, the processor is started on the last progress stored and replays the rest by
 * itself, more slowly; the rebuild is done once it passes the head as it was when the rebuild began. Reads during a
 * rebuild see partial read models.
 */
@Service
public class ProjectionRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);
    /** Events replayed between two saves of the replay's progress. */
    private static final long SAVE_EVERY = 50_000;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final EventStorageEngine storage;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final EmbeddedMongoServer embeddedReadModels;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "projection-rebuild-report");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService replayer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile RebuildStatus status = RebuildStatus.never();
    /** Set while the bulk replay runs: the last position it handled; then the processor's progress is watched. */
    private volatile boolean bulk;
    private volatile long bulkPosition = -1;
    private ScheduledFuture<?> watch;

    public ProjectionRebuild(EventProcessingConfiguration processing, EventStore eventStore,
                             EventStorageEngine storage, TokenStore tokenStore, TransactionManager transactions,
                             ObjectProvider<EmbeddedMongoServer> embeddedReadModels, MeterRegistry meters) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.storage = storage;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.embeddedReadModels = embeddedReadModels.getIfAvailable();
        Gauge.builder("dialtone.projections.rebuild.progress", this, rebuild -> rebuild.status.progress())
                .description("share of the event store replayed by the running or last projection rebuild")
                .register(meters);
    }

    /** Starts a rebuild and returns at once; the replay runs on a thread of its own. */
    public synchronized RebuildStatus start() {
        if (status.state() == RebuildStatus.State.RUNNING) {
            throw new ConflictException("a rebuild started at " + status.startedAt() + " is still running");
        }
        TrackingEventProcessor processor = processor();
        TrackingToken head = eventStore.createHeadToken();
        long target = position(head);
        Instant started = clock.instant();
        log.info("Projection rebuild: stopping '{}', dropping the read models, replaying {} events",
                processor.getName(), target + 1);
        processor.shutDown();
        try {
            // claims every segment for this node, and keeps them claimed until the processor starts again
            processor.resetTokens();
        } catch (UnableToClaimTokenException e) {
            processor.start();
            throw new ConflictException("another Dialtone node holds the projections processor; "
                    + "rebuild there or stop that node first");
        }
        status = RebuildStatus.running(started, target);
        bulk = true;
        bulkPosition = -1;
        watch = reporter.scheduleAtFixedRate(this::report, REPORT_EVERY.toMillis(), REPORT_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        replayer.execute(() -> replay(processor, head));
        return status;
    }

    public RebuildStatus status() {
        refresh();
        return status;
    }

    private void replay(TrackingEventProcessor processor, TrackingToken head) {
        String name = processor.getName();
        if (embeddedReadModels != null) {
            embeddedReadModels.deferCommits();
        }
        Long replayed = null;
        try {
            int[] segments = transactions.fetchInTransaction(() -> tokenStore.fetchSegments(name));
            BulkReplay replay = new BulkReplay(storage, processor.eventHandlerInvoker(), head);
            long[] savedAt = {0};
            TrackingToken last = replay.run((token, events) -> {
                bulkPosition = position(token);
                if (events - savedAt[0] >= SAVE_EVERY) {
                    // the replay so far becomes the processor's token, once the read models hold it: after a crash
                    // the processor goes on from here
                    commitReadModels();
                    store(name, segments, ReplayToken.createReplayToken(head, token));
                    savedAt[0] = events;
                }
            });
            commitReadModels();
            if (last != null) {
                store(name, segments, last);
            }
            replayed = position(last);
        } catch (Exception e) {
            log.error("Projection rebuild: the bulk replay failed at position {}; the projections processor "
                    + "replays from its last stored token instead", bulkPosition, e);
        } finally {
            bulk = false;
            if (embeddedReadModels != null) {
                embeddedReadModels.commitEachWrite();
            }
            releaseClaims(name);
            processor.start();
        }
        if (replayed != null) {
            // only now: a rebuild started after this one is done finds the processor running
            finish(replayed);
        }
    }

    private void commitReadModels() {
        if (embeddedReadModels != null) {
            embeddedReadModels.commit();
        }
    }

    private void store(String name, int[] segments, TrackingToken token) {
        transactions.executeInTransaction(() -> {
            for (int segment : segments) {
                tokenStore.storeToken(token, name, segment);
            }
        });
    }

    private void releaseClaims(String name) {
        try {
            transactions.executeInTransaction(() -> {
                for (int segment : tokenStore.fetchSegments(name)) {
                    tokenStore.releaseClaim(name, segment);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Projection rebuild: could not release the claims on '{}'; they expire by themselves", name, e);
        }
    }

    private synchronized void finish(long reached) {
        RebuildStatus current = status;
        if (current.state() != RebuildStatus.State.RUNNING) {
            return;
        }
        Instant now = clock.instant();
        status = current.at(Math.max(reached, current.targetPosition()), now);
        watch.cancel(false);
        log.info("Projection rebuild: done, {} events in {}", current.targetPosition() + 1,
                Duration.between(current.startedAt(), now));
    }

    /** Every few seconds while a rebuild runs: its progress, in the log. */
    private void report() {
        if (refresh()) {
            RebuildStatus current = status;
            log.info("Projection rebuild: {} of {} events ({}%)", Math.max(0, current.position() + 1),
                    current.targetPosition() + 1, Math.round(current.progress() * 1000) / 10.0);
        }
    }

    /**
     * Brings the status up to date; once the bulk replay has given way to the processor, ends the rebuild when every
     * segment has passed the target. Returns whether the rebuild is still running.
     */
    private synchronized boolean refresh() {
        RebuildStatus current = status;
        if (current.state() != RebuildStatus.State.RUNNING) {
            return false;
        }
        long reached;
        if (bulk) {
            reached = bulkPosition;
        } else {
            Map<Integer, EventTrackerStatus> segments = processor().processingStatus();
            reached = segments.values().stream()
                    .mapToLong(s -> s.getCurrentPosition().orElse(-1))
                    .min().orElse(-1);
            // not EventTrackerStatus.isReplaying: Axon keeps that set until an event newer than the reset arrives
            if (!segments.isEmpty() && reached >= current.targetPosition()) {
                finish(reached);
                return false;
            }
        }
        status = current.at(reached, null);
        return true;
    }

    private TrackingEventProcessor processor() {
        return processing.eventProcessor(ProcessingGroups.PROJECTIONS, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("the projections processor is not a tracking processor"));
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    @Override
    public void destroy() {
        reporter.shutdownNow();
        replayer.shutdownNow();
    }
}
