package dev.dialtone.domain.detection;

import dev.dialtone.domain.agent.api.DetectionSettings;
import dev.dialtone.domain.incident.api.Evidence;
import dev.dialtone.domain.signal.api.HealthStatus;
import dev.dialtone.domain.signal.api.SignalKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class OutageDetectorTest {

    private static final Instant T0 = Instant.parse("2026-11-25T03:00:00Z");
    private static final DetectionSettings DEFAULTS = DetectionSettings.DEFAULTS;

    @Test
    void twoDownResultsOpenAnOutageDatedAtTheFirst() {
        OutageDetector detector = new OutageDetector(DEFAULTS);
        check(detector, "sip", HealthStatus.DOWN, 0);
        assertThat(detector.inOutage()).isFalse();
        check(detector, "sip", HealthStatus.DOWN, 30);
        assertThat(detector.inOutage()).isTrue();
        assertThat(detector.startedAt()).isEqualTo(T0);
        assertThat(detector.evidence()).hasSize(2);
    }

    @Test
    void recoveryIsDatedAtTheFirstOfTheConfirmingSuccesses() {
        OutageDetector detector = new OutageDetector(DEFAULTS);
        check(detector, "sip", HealthStatus.DOWN, 0);
        check(detector, "sip", HealthStatus.DOWN, 30);
        check(detector, "sip", HealthStatus.UP, 60);
        assertThat(detector.inOutage()).isTrue();
        check(detector, "sip", HealthStatus.UP, 90);
        assertThat(detector.inOutage()).isFalse();
        assertThat(detector.recoveredAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void fiveBadCallsInARowOpenAnOutageAndThreeGoodOnesEndIt() {
        OutageDetector detector = new OutageDetector(DEFAULTS);
        for (int i = 0; i < 4; i++) {
            call(detector, true, i);
        }
        call(detector, false, 4);
        for (int i = 5; i < 9; i++) {
            call(detector, true, i);
        }
        assertThat(detector.inOutage()).as("a good call broke the first run").isFalse();
        call(detector, true, 9);
        assertThat(detector.inOutage()).isTrue();
        assertThat(detector.startedAt()).isEqualTo(T0.plusSeconds(5));
        call(detector, false, 10);
        call(detector, false, 11);
        assertThat(detector.inOutage()).isTrue();
        call(detector, false, 12);
        assertThat(detector.inOutage()).isFalse();
        assertThat(detector.recoveredAt()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void callsGettingThroughEndAnOutageTheProbesStillReport() {
        OutageDetector detector = new OutageDetector(DEFAULTS);
        check(detector, "sip", HealthStatus.DOWN, 0);
        check(detector, "sip", HealthStatus.DOWN, 30);
        call(detector, false, 40);
        call(detector, false, 41);
        call(detector, false, 42);
        assertThat(detector.inOutage()).isFalse();
        check(detector, "sip", HealthStatus.DOWN, 60);
        assertThat(detector.inOutage()).as("the probe must fail afresh").isFalse();
        check(detector, "sip", HealthStatus.DOWN, 90);
        assertThat(detector.inOutage()).isTrue();
    }

    @Test
    void everyFailingCheckMustRecoverAndCallsMustNotBeFailing() {
        OutageDetector detector = new OutageDetector(DEFAULTS);
        check(detector, "sip", HealthStatus.DOWN, 0);
        check(detector, "sip", HealthStatus.DOWN, 10);
        check(detector, "http", HealthStatus.DOWN, 11);
        check(detector, "http", HealthStatus.DOWN, 12);
        check(detector, "sip", HealthStatus.UP, 20);
        check(detector, "sip", HealthStatus.UP, 30);
        assertThat(detector.inOutage()).as("http still fails").isTrue();
        check(detector, "http", HealthStatus.UP, 40);
        check(detector, "http", HealthStatus.UP, 50);
        assertThat(detector.inOutage()).isFalse();
        assertThat(detector.recoveredAt()).isEqualTo(T0.plusSeconds(40));
    }

    @Test
    void aLateResultCannotBreakOrExtendARun() {
        OutageDetector detector = new OutageDetector(DEFAULTS);
        check(detector, "sip", HealthStatus.DOWN, 100);
        check(detector, "sip", HealthStatus.UP, 50); // older than what was already seen for sip
        check(detector, "sip", HealthStatus.DOWN, 130);
        assertThat(detector.inOutage()).isTrue();
        assertThat(detector.startedAt()).isEqualTo(T0.plusSeconds(100));
    }

    @Test
    void matchesASearchOverTheSequenceForThousandsOfGeneratedRuns() {
        SplittableRandom random = new SplittableRandom(42);
        for (int scenario = 0; scenario < 5_000; scenario++) {
            int failures = 1 + random.nextInt(4);
            int successes = 1 + random.nextInt(4);
            DetectionSettings settings = new DetectionSettings(failures, successes, 5, 3, 0.03, 0.15,
                    Duration.ofMinutes(30), Duration.ofMinutes(10), true);
            char[] results = new char[10 + random.nextInt(60)];
            for (int i = 0; i < results.length; i++) {
                results[i] = "DDUUG".charAt(random.nextInt(5));
            }
            OutageDetector detector = new OutageDetector(settings);
            List<Instant> starts = new ArrayList<>();
            List<Instant> ends = new ArrayList<>();
            boolean wasIn = false;
            for (int i = 0; i < results.length; i++) {
                HealthStatus status = switch (results[i]) {
                    case 'D' -> HealthStatus.DOWN;
                    case 'U' -> HealthStatus.UP;
                    default -> HealthStatus.DEGRADED;
                };
                check(detector, "probe", status, i);
                if (detector.inOutage() && !wasIn) {
                    starts.add(detector.startedAt());
                } else if (!detector.inOutage() && wasIn) {
                    ends.add(detector.recoveredAt());
                }
                wasIn = detector.inOutage();
            }
            List<Instant> expectedStarts = new ArrayList<>();
            List<Instant> expectedEnds = new ArrayList<>();
            search(new String(results), failures, successes, expectedStarts, expectedEnds);
            String label = new String(results) + " open after " + failures + ", close after " + successes;
            assertThat(starts).as(label).isEqualTo(expectedStarts);
            assertThat(ends).as(label).isEqualTo(expectedEnds);
        }
    }

    /** The rule stated as a search: the first run of n D's opens, then the first run of m U's closes, and so on. */
    private static void search(String results, int n, int m, List<Instant> starts, List<Instant> ends) {
        int from = 0;
        while (true) {
            int open = results.indexOf("D".repeat(n), from);
            if (open < 0) {
                return;
            }
            starts.add(T0.plusSeconds(open));
            int close = results.indexOf("U".repeat(m), open + n);
            if (close < 0) {
                return;
            }
            ends.add(T0.plusSeconds(close));
            from = close + m;
        }
    }

    private static void check(OutageDetector detector, String check, HealthStatus status, int second) {
        Instant at = T0.plusSeconds(second);
        detector.onHealthCheck(check, status, at, new Evidence("h-" + second, SignalKind.HEALTH_CHECK, at,
                check + " " + status));
    }

    private static void call(OutageDetector detector, boolean bad, int second) {
        Instant at = T0.plusSeconds(second);
        detector.onInboundCall(bad, at, new Evidence("c-" + second, SignalKind.CALL, at, bad ? "DROPPED" : "ANSWERED"));
    }
}
