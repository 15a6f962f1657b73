package dev.dialtone.bench.sim;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/** The run's counters, shared by the generator and the senders, read by the progress line and the summary. */
final class Stats {

    final LongAdder generatedCalls = new LongAdder();
    final LongAdder generatedHealthChecks = new LongAdder();
    /** Signals handed to HTTP for the first time (a resend does not count again). */
    final LongAdder sent = new LongAdder();
    final LongAdder acknowledged = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder requests = new LongAdder();
    /** Signals answered 429 or 503 (each attempt), and the requests that carried them. */
    final LongAdder refusedSignals = new LongAdder();
    final LongAdder refusedRequests = new LongAdder();
    /** Requests answered 4xx other than 429: the simulator sent something wrong; not retried. */
    final LongAdder rejectedSignals = new LongAdder();
    /** Requests answered 5xx other than 503: a defect of the server; not retried. */
    final LongAdder errorSignals = new LongAdder();
    final LongAdder errorRequests = new LongAdder();
    /** Requests that got no answer (refused connection, reset, timeout) and were retried. */
    final LongAdder connectionErrors = new LongAdder();
    /** Signals given up when the run was stopped before they were acknowledged. */
    final LongAdder abandoned = new LongAdder();
    private final Map<Integer, Long> statuses = new TreeMap<>();
    private final Recorder latency = new Recorder(3);
    private final Histogram total = new Histogram(3);

    void latencyMicros(long micros) {
        latency.recordValue(Math.max(0, micros));
    }

    synchronized void status(int status) {
        statuses.merge(status, 1L, Long::sum);
    }

    synchronized Map<Integer, Long> statuses() {
        return new TreeMap<>(statuses);
    }

    /** The latencies since the last call (for a progress line); they are added to the run's total too. */
    synchronized Histogram interval() {
        Histogram interval = latency.getIntervalHistogram();
        total.add(interval);
        return interval;
    }

    /** Every latency of the run so far. */
    synchronized Histogram total() {
        interval();
        return total.copy();
    }

    long generated() {
        return generatedCalls.sum() + generatedHealthChecks.sum();
    }
}
