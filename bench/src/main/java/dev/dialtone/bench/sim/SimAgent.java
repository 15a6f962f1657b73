package dev.dialtone.bench.sim;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;

/**
 * One simulated line: its identity, time zone, call volume, random streams and the counter that makes its signal ids.
 * Arrivals, call outcomes and health checks draw from separate streams split off the run's seed, so the n-th call of
 * an agent ends the same way in every run with the same seed, however the arrivals fell on the wall clock. Only the
 * generator thread touches it.
 */
final class SimAgent {

    /** Small US businesses, coast to coast. */
    static final String[] ZONES = {"America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
            "America/Phoenix"};
    private static final String[] AREA_CODES = {"212", "312", "303", "415", "602"};

    final int index;
    final String agentId;
    final ZoneId zone;
    /** Calls per hour at the curve's peak (factor 1), before any scaling to a requested rate. */
    final double peakCallsPerHour;
    final SplittableRandom arrivals;
    final SplittableRandom outcomes;
    final SplittableRandom probes;
    /** Wall seconds from the start at which the next health check is due. */
    double nextProbe;
    /** When the newest call generated so far occurred (simulated time); null before the first. */
    volatile Instant lastCallAt;
    private long sequence;

    SimAgent(int index, String prefix, SplittableRandom seeded, double probePeriodSeconds) {
        this.index = index;
        this.agentId = prefix + "-" + index;
        this.zone = ZoneId.of(ZONES[index % ZONES.length]);
        this.arrivals = seeded.split();
        this.outcomes = seeded.split();
        this.probes = seeded.split();
        this.peakCallsPerHour = 12 + arrivals.nextDouble() * 48;
        this.nextProbe = probePeriodSeconds > 0 ? probes.nextDouble() * probePeriodSeconds : Double.MAX_VALUE;
    }

    /** Unrefined call volume at a simulated instant, in calls per simulated second. */
    double callsPerSecondAt(Instant simulated) {
        ZonedDateTime local = simulated.atZone(zone);
        return peakCallsPerHour / 3600 * DailyCurve.factor(local.toLocalTime(), local.getDayOfWeek());
    }

    /** The next signal id: {@code <runId>-<agent>-<seq>}, unique in the run and the same on every resend. */
    String nextId(String runId) {
        return runId + "-" + index + "-" + (++sequence);
    }

    String phoneNumber() {
        return String.format("+1%s555%04d", AREA_CODES[index % AREA_CODES.length], index % 10000);
    }
}
