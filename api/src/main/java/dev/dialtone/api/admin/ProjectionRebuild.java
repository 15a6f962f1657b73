package dev.dialtone.api.admin;

import dev.dialtone.domain.ConflictException;
import dev.dialtone.projections.ProcessingGroups;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Drops the read models (each projection's reset handler) and replays the whole event store into them. The
 * projections processor is stopped, its token reset to the start of the stream, and started again; while it catches
 * up to the head as it was when the rebuild began, progress goes to the log every five seconds and to the gauge
 * {@code dialtone.projections.rebuild.progress} (0 to 1). Reads during a rebuild see partial read models.
 */
@Service
public class ProjectionRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile RebuildStatus status = RebuildStatus.never();
    private ScheduledFuture<?> watch;

    public ProjectionRebuild(EventProcessingConfiguration processing, EventStore eventStore, MeterRegistry meters) {
        this.processing = processing;
        this.eventStore = eventStore;
        Gauge.builder("dialtone.projections.rebuild.progress", this, rebuild -> rebuild.status.progress())
                .description("share of the event store replayed by the running or last projection rebuild")
                .register(meters);
    }

    /** Starts a rebuild and returns at once; the replay runs on the projections processor's own thread. */
    public synchronized RebuildStatus start() {
        if (status.state() == RebuildStatus.State.RUNNING) {
            throw new ConflictException("a rebuild started at " + status.startedAt() + " is still running");
        }
        TrackingEventProcessor processor = processor();
        long target = position(eventStore.createHeadToken());
        Instant started = clock.instant();
        log.info("Projection rebuild: stopping '{}', dropping the read models, replaying {} events",
                processor.getName(), target + 1);
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException e) {
            processor.start();
            throw new ConflictException("another Dialtone node holds the projections processor; "
                    + "rebuild there or stop that node first");
        }
        processor.start();
        status = RebuildStatus.running(started, target);
        watch = reporter.scheduleAtFixedRate(this::report, REPORT_EVERY.toMillis(), REPORT_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        return status;
    }

    public RebuildStatus status() {
        if (status.state() == RebuildStatus.State.RUNNING) {
            report();
        }
        return status;
    }

    /** Samples the processor: logs progress, and ends the rebuild once every segment has passed the target. */
    private synchronized void report() {
        RebuildStatus current = status;
        if (current.state() != RebuildStatus.State.RUNNING) {
            return;
        }
        Map<Integer, EventTrackerStatus> segments = processor().processingStatus();
        long reached = segments.values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1))
                .min().orElse(-1);
        Instant now = clock.instant();
        // not EventTrackerStatus.isReplaying: Axon keeps that set until an event newer than the reset arrives
        boolean caughtUp = !segments.isEmpty() && reached >= current.targetPosition();
        status = current.at(reached, caughtUp ? now : null);
        if (caughtUp) {
            watch.cancel(false);
            log.info("Projection rebuild: done, {} events in {}", current.targetPosition() + 1,
                    Duration.between(current.startedAt(), now));
        } else {
            log.info("Projection rebuild: {} of {} events ({}%)", Math.max(0, reached + 1),
                    current.targetPosition() + 1, Math.round(status.progress() * 1000) / 10.0);
        }
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
    }
}
