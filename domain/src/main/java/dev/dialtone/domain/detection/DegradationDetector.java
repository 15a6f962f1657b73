package dev.dialtone.domain.detection;

import java.time.Instant;

/**
 * Silent degradation from the share of bad inbound calls: one {@link BernoulliCusum} watches for a rise from p0 to
 * p1 and raises the alarm; once raised, a mirror CUSUM (p1 back to p0, same threshold) decides when the line is
 * healthy again. Each start and end is dated by the CUSUM change-point estimate: the first call after the statistic
 * last left zero.
 */
public final class DegradationDetector {

    private BernoulliCusum rise;
    private BernoulliCusum fall;
    private boolean degraded;
    private Instant riseStart;
    private Instant fallStart;
    private Instant startedAt;
    private Instant recoveredAt;

    public DegradationDetector(double p0, double p1) {
        configure(p0, p1);
    }

    void configure(double p0, double p1) {
        double threshold = BernoulliCusum.threshold(p0, p1, BernoulliCusum.TARGET_IN_CONTROL_RUN_LENGTH);
        this.rise = new BernoulliCusum(p0, p1, threshold);
        this.fall = new BernoulliCusum(p1, p0, threshold);
    }

    public boolean degraded() {
        return degraded;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant recoveredAt() {
        return recoveredAt;
    }

    public double statistic() {
        return degraded ? fall.statistic() : rise.statistic();
    }

    public void onInboundCall(boolean bad, Instant at) {
        if (!degraded) {
            boolean wasZero = rise.statistic() == 0;
            if (rise.record(bad)) {
                degraded = true;
                startedAt = wasZero || riseStart == null ? at : riseStart;
                rise.reset();
                fall.reset();
                fallStart = null;
            } else if (rise.statistic() == 0) {
                riseStart = null;
            } else if (wasZero) {
                riseStart = at;
            }
        } else {
            boolean wasZero = fall.statistic() == 0;
            if (fall.record(bad)) {
                degraded = false;
                recoveredAt = wasZero || fallStart == null ? at : fallStart;
                startedAt = null;
                fall.reset();
                rise.reset();
                riseStart = null;
            } else if (fall.statistic() == 0) {
                fallStart = null;
            } else if (wasZero) {
                fallStart = at;
            }
        }
    }

    /** A person resolved the incident: start watching from scratch. */
    public void reset() {
        degraded = false;
        startedAt = null;
        rise.reset();
        fall.reset();
        riseStart = null;
        fallStart = null;
    }

    // --- persistence

    double riseStatistic() {
        return rise.statistic();
    }

    double fallStatistic() {
        return fall.statistic();
    }

    Instant riseStart() {
        return riseStart;
    }

    Instant fallStart() {
        return fallStart;
    }

    void restore(boolean isDegraded, double riseSum, double fallSum, Instant riseFrom, Instant fallFrom,
                 Instant started, Instant recovered) {
        degraded = isDegraded;
        rise.restore(riseSum);
        fall.restore(fallSum);
        riseStart = riseFrom;
        fallStart = fallFrom;
        startedAt = started;
        recoveredAt = recovered;
    }
}
