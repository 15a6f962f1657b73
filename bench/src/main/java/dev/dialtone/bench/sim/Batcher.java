package dev.dialtone.bench.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Groups signals into batches per endpoint: a batch leaves when it is full, or when its oldest signal has waited
 * {@link #MAX_WAIT_NANOS}, the way a production forwarder trades request count against freshness. The queue is
 * bounded, so a server that falls behind slows the generator down instead of filling the heap.
 */
final class Batcher {

    static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final BlockingQueue<Batch> queue;
    private final int batchSize;
    private final BooleanSupplier aborted;
    private final Pending calls = new Pending("/api/v1/signals/calls");
    private final Pending healthChecks = new Pending("/api/v1/signals/health-checks");

    Batcher(BlockingQueue<Batch> queue, int batchSize, BooleanSupplier aborted) {
        this.queue = queue;
        this.batchSize = batchSize;
        this.aborted = aborted;
    }

    void call(String id, String json) throws InterruptedException {
        add(calls, id, json);
    }

    void healthCheck(String id, String json) throws InterruptedException {
        add(healthChecks, id, json);
    }

    /** Sends on whatever has waited long enough. */
    void flushStale(long nowNanos) throws InterruptedException {
        for (Pending pending : List.of(calls, healthChecks)) {
            if (!pending.ids.isEmpty() && nowNanos - pending.firstNanos >= MAX_WAIT_NANOS) {
                ship(pending);
            }
        }
    }

    void flushAll() throws InterruptedException {
        for (Pending pending : List.of(calls, healthChecks)) {
            if (!pending.ids.isEmpty()) {
                ship(pending);
            }
        }
    }

    /** Signals generated but not yet handed to a sender (lost if the run is aborted now). */
    int pendingSignals() {
        return calls.ids.size() + healthChecks.ids.size();
    }

    private void add(Pending pending, String id, String json) throws InterruptedException {
        if (pending.ids.isEmpty()) {
            pending.firstNanos = System.nanoTime();
            pending.body.setLength(0);
            pending.body.append('[');
        } else {
            pending.body.append(',');
        }
        pending.ids.add(id);
        pending.body.append(json);
        if (pending.ids.size() >= batchSize) {
            ship(pending);
        }
    }

    private void ship(Pending pending) throws InterruptedException {
        Batch batch = new Batch(pending.path, List.copyOf(pending.ids), pending.body.append(']').toString());
        pending.ids.clear();
        while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
            if (aborted.getAsBoolean()) {
                return;
            }
        }
    }

    private static final class Pending {
        final String path;
        final List<String> ids = new ArrayList<>();
        final StringBuilder body = new StringBuilder();
        long firstNanos;

        Pending(String path) {
            this.path = path;
        }
    }
}
