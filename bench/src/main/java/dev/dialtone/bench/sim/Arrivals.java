package dev.dialtone.bench.sim;

import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

/**
 * Arrival times of a Poisson process: exponential gaps from a seeded random source. The simulator's rates change
 * over time (the daily curve, spikes), so it draws the process interval by interval at the rate of each interval;
 * because the exponential distribution is memoryless, discarding the draw that overshoots an interval and starting
 * afresh at the next one gives exactly a Poisson process with a piecewise-constant rate.
 */
final class Arrivals {

    private Arrivals() {
    }

    /**
     * Reports each arrival in {@code [from, to)} of a process with {@code ratePerSecond} arrivals per second and
     * answers how many there were.
     */
    static int between(double ratePerSecond, double from, double to, SplittableRandom random, DoubleConsumer arrival) {
        if (ratePerSecond <= 0 || to <= from) {
            return 0;
        }
        int count = 0;
        for (double t = next(from, ratePerSecond, random); t < to; t = next(t, ratePerSecond, random)) {
            arrival.accept(t);
            count++;
        }
        return count;
    }

    /** The arrival after {@code t}; never, when the rate is zero. */
    static double next(double t, double ratePerSecond, SplittableRandom random) {
        return ratePerSecond <= 0 ? Double.POSITIVE_INFINITY : t + exponential(random, 1 / ratePerSecond);
    }

    /** An exponentially distributed value with the given mean (inverse transform; 1 - u keeps the log finite). */
    static double exponential(SplittableRandom random, double mean) {
        return -Math.log(1 - random.nextDouble()) * mean;
    }
}
