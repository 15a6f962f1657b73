package dev.dialtone.api.admin;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;

/**
 * Replays the whole event store into a processor's handlers without the processor: one thread reads and
 * deserializes events, another hands them to the handlers in chunks of {@link #CHUNK} events, one unit of work per
 * chunk. The handlers see what the processor would show them (the same order, a tracking token per event, replay
 * status up to the head at reset) but batch their writes over a larger chunk, and no token is written per batch.
 * <p>
 * Not thread-safe; one run per instance.
 */
final class BulkReplay {

    static final int CHUNK = 5_000;
    private static final int CHUNKS_AHEAD = 4;

    private final EventStorageEngine storage;
    private final EventHandlerInvoker handlers;
    private final TrackingToken tokenAtReset;
    private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);

    /** Told after each chunk has committed. */
    interface Progress {
        void handled(TrackingToken lastToken, long events) throws Exception;
    }

    BulkReplay(EventStorageEngine storage, EventHandlerInvoker handlers, TrackingToken tokenAtReset) {
        this.storage = storage;
        this.handlers = handlers;
        this.tokenAtReset = tokenAtReset;
    }

    /**
     * Replays from the start of the store to the end of what it holds once the reader gets there.
     *
     * @return the token of the last event handled, {@code null} for an empty store
     */
    TrackingToken run(Progress progress) throws Exception {
        Thread reader = new Thread(this::read, "projection-rebuild-reader");
        reader.setDaemon(true);
        reader.start();
        TrackingToken last = null;
        long events = 0;
        try {
            while (true) {
                Chunk chunk = chunks.take();
                if (chunk.failure() != null) {
                    throw new IllegalStateException("reading the event store failed", chunk.failure());
                }
                if (chunk.events().isEmpty()) {
                    return last;
                }
                handle(chunk.events());
                last = chunk.lastToken();
                events += chunk.events().size();
                progress.handled(last, events);
            }
        } finally {
            reader.interrupt();
        }
    }

    private void handle(List<TrackedEventMessage<?>> events) throws Exception {
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        var result = unitOfWork.executeWithResult(() -> {
            handlers.handle(unitOfWork.getMessage(), Segment.ROOT_SEGMENT);
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof Exception e ? e : new IllegalStateException(failure);
        }
    }

    /**
     * Deserializes payload and timestamp here, off the handling thread, and marks every event up to the head at
     * reset as a replay, as the processor's replay token would.
     */
    private void read() {
        try (Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            List<TrackedEventMessage<?>> chunk = new ArrayList<>(CHUNK);
            TrackingToken lastToken = null;
            while (events.hasNext()) {
                TrackedEventMessage<?> event = events.next();
                event.getPayload();
                event.getTimestamp();
                lastToken = event.trackingToken();
                chunk.add(event.withTrackingToken(ReplayToken.createReplayToken(tokenAtReset, lastToken)));
                if (chunk.size() == CHUNK) {
                    chunks.put(new Chunk(chunk, lastToken, null));
                    chunk = new ArrayList<>(CHUNK);
                }
            }
            if (!chunk.isEmpty()) {
                chunks.put(new Chunk(chunk, lastToken, null));
            }
            chunks.put(new Chunk(List.of(), lastToken, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            chunks.clear();
            chunks.offer(new Chunk(List.of(), null, e));
        }
    }

    private record Chunk(List<TrackedEventMessage<?>> events, TrackingToken lastToken, Throwable failure) {
    }
}
