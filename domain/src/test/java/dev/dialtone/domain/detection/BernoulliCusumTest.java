package dev.dialtone.domain.detection;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class BernoulliCusumTest {

    private static final double P0 = 0.03;
    private static final double P1 = 0.15;

    @Test
    void theDerivedThresholdIsTheSmallestWithTenThousandCallsBetweenFalseAlarms() {
        double h = BernoulliCusum.threshold(P0, P1, 10_000);
        assertThat(BernoulliCusum.averageRunLength(P0, P0, P1, h)).isGreaterThanOrEqualTo(10_000);
        assertThat(BernoulliCusum.averageRunLength(P0, P0, P1, h - 0.05)).isLessThan(10_000);
        assertThat(h).isBetween(5.5, 7.0);
    }

    @Test
    void theComputedRunLengthsAgreeWithSimulation() {
        double h = BernoulliCusum.threshold(P0, P1, 10_000);
        double computedDelay = BernoulliCusum.averageRunLength(P1, P0, P1, h);
        SplittableRandom random = new SplittableRandom(11);
        long calls = 0;
        int runs = 20_000;
        for (int run = 0; run < runs; run++) {
            BernoulliCusum cusum = new BernoulliCusum(P0, P1, h);
            do {
                calls++;
            } while (!cusum.record(random.nextDouble() < P1));
        }
        assertThat((double) calls / runs).isCloseTo(computedDelay, org.assertj.core.data.Percentage.withPercentage(3));
    }

    @Test
    void falseAlarmsAtTheBaselineRateComeAtLeastEightThousandCallsApartOnAverage() {
        SplittableRandom random = new SplittableRandom(20261125);
        int runs = 400;
        long calls = 0;
        for (int run = 0; run < runs; run++) {
            BernoulliCusum cusum = BernoulliCusum.forRates(P0, P1);
            long n = 0;
            do {
                n++;
            } while (!cusum.record(random.nextDouble() < P0));
            calls += n;
        }
        double meanRunLength = (double) calls / runs;
        assertThat(meanRunLength).isGreaterThanOrEqualTo(8_000);
    }

    @Test
    void aShiftToFifteenPercentIsCaughtWithinSixtyCallsOnAverage() {
        SplittableRandom random = new SplittableRandom(7);
        int detections = 0;
        long delay = 0;
        for (int run = 0; run < 3_000; run++) {
            DegradationDetector detector = new DegradationDetector(P0, P1);
            java.time.Instant t = java.time.Instant.parse("2026-11-25T00:00:00Z");
            boolean falseAlarm = false;
            for (int i = 0; i < 1_000; i++) { // in control first, so the sum starts where it would in practice
                t = t.plusSeconds(30);
                detector.onInboundCall(random.nextDouble() < P0, t);
                if (detector.degraded()) {
                    falseAlarm = true;
                    break;
                }
            }
            if (falseAlarm) {
                continue;
            }
            int n = 0;
            while (!detector.degraded()) {
                n++;
                t = t.plusSeconds(30);
                detector.onInboundCall(random.nextDouble() < P1, t);
            }
            detections++;
            delay += n;
        }
        assertThat(detections).isGreaterThan(2_500);
        assertThat((double) delay / detections).isLessThanOrEqualTo(60);
    }

    @Test
    void recoveryIsDeclaredOnceTheBaselineReturns() {
        SplittableRandom random = new SplittableRandom(3);
        DegradationDetector detector = new DegradationDetector(P0, P1);
        java.time.Instant t = java.time.Instant.parse("2026-11-25T00:00:00Z");
        while (!detector.degraded()) {
            t = t.plusSeconds(10);
            detector.onInboundCall(random.nextDouble() < 0.3, t);
        }
        assertThat(detector.startedAt()).isNotNull().isBeforeOrEqualTo(t);
        java.time.Instant backToNormal = t;
        int calls = 0;
        while (detector.degraded()) {
            calls++;
            t = t.plusSeconds(10);
            detector.onInboundCall(random.nextDouble() < P0, t);
        }
        assertThat(calls).isLessThan(400);
        assertThat(detector.recoveredAt()).isAfter(backToNormal).isBeforeOrEqualTo(t);
    }
}
