package dev.dialtone.bench.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ArrivalsTest {

    @Test
    void countsMatchTheRateWhenDrawnStepByStep() {
        SplittableRandom random = new SplittableRandom(1);
        double rate = 40;
        double seconds = 5000;
        long count = 0;
        for (double t = 0; t < seconds; t += 0.02) {
            count += Arrivals.between(rate, t, t + 0.02, random, at -> { });
        }
        double expected = rate * seconds; // 200,000; sd sqrt(200,000) = 447
        assertThat((double) count).isCloseTo(expected, within(4 * Math.sqrt(expected)));
    }

    @Test
    void countsPerSecondVaryLikeAPoissonProcess() {
        SplittableRandom random = new SplittableRandom(7);
        int seconds = 20_000;
        double rate = 5;
        double sum = 0;
        double sumOfSquares = 0;
        for (int s = 0; s < seconds; s++) {
            int n = 0;
            for (double t = s; t < s + 1; t += 0.25) { // a rate step boundary inside every second
                n += Arrivals.between(rate, t, t + 0.25, random, at -> { });
            }
            sum += n;
            sumOfSquares += (double) n * n;
        }
        double mean = sum / seconds;
        double variance = sumOfSquares / seconds - mean * mean;
        assertThat(mean).isCloseTo(rate, within(0.1));
        assertThat(variance / mean).as("index of dispersion").isCloseTo(1.0, within(0.05));
    }

    @Test
    void gapsAreExponentialWithTheMeanOfOneOverTheRate() {
        List<Double> times = new ArrayList<>();
        Arrivals.between(100, 0, 1000, new SplittableRandom(3), times::add);
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 1; i < times.size(); i++) {
            double gap = times.get(i) - times.get(i - 1);
            assertThat(gap).isPositive();
            sum += gap;
            sumOfSquares += gap * gap;
        }
        int gaps = times.size() - 1;
        double mean = sum / gaps;
        double sd = Math.sqrt(sumOfSquares / gaps - mean * mean);
        assertThat(mean).isCloseTo(0.01, within(0.0002));
        assertThat(sd / mean).as("coefficient of variation of an exponential").isCloseTo(1.0, within(0.02));
        assertThat(times).allSatisfy(t -> assertThat(t).isBetween(0.0, 1000.0));
    }

    @Test
    void theSameSeedGivesTheSameArrivals() {
        List<Double> first = new ArrayList<>();
        List<Double> second = new ArrayList<>();
        Arrivals.between(3, 0, 100, new SplittableRandom(42), first::add);
        Arrivals.between(3, 0, 100, new SplittableRandom(42), second::add);
        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    @Test
    void noRateNoArrivals() {
        assertThat(Arrivals.between(0, 0, 1000, new SplittableRandom(1), at -> { })).isZero();
        assertThat(Arrivals.next(5, 0, new SplittableRandom(1))).isInfinite();
    }
}
