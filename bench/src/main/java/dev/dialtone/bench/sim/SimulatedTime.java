package dev.dialtone.bench.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * Maps the run's wall clock onto simulated time, which runs {@code speed} times faster. Signals are dated in
 * simulated time, and Dialtone refuses {@code occurredAt} more than 5 minutes in the future, so simulated time must
 * never overtake the wall clock: it starts {@code (speed - 1) x seconds} in the past and reaches the present exactly
 * when the run ends. With {@code speed=1} it is the wall clock; a day compressed into 60 s ({@code speed=1440}) is
 * the day before the run.
 */
record SimulatedTime(Instant wallStart, Instant simulatedStart, double speed) {

    static SimulatedTime starting(Instant wallStart, double speed, int seconds) {
        if (speed < 1) {
            throw new IllegalArgumentException("speed must be at least 1");
        }
        long pastMillis = Math.round((speed - 1) * seconds * 1000);
        return new SimulatedTime(wallStart, wallStart.minus(Duration.ofMillis(pastMillis)), speed);
    }

    /** The simulated instant {@code elapsedSeconds} of wall time after the start. */
    Instant at(double elapsedSeconds) {
        return simulatedStart.plusNanos(Math.round(elapsedSeconds * speed * 1e9));
    }
}
