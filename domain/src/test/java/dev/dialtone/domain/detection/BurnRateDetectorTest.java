package dev.dialtone.domain.detection;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.dialtone.domain.detection.BurnRateDetector.Level.NONE;
import static dev.dialtone.domain.detection.BurnRateDetector.Level.PAGE;
import static dev.dialtone.domain.detection.BurnRateDetector.Level.TICKET;
import static org.assertj.core.api.Assertions.assertThat;

/** Against the numbers of the SRE Workbook, "Alerting on SLOs", table 5-8. */
class BurnRateDetectorTest {

    private static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");

    /** Three days of good calls, one a second: every window is full when a test begins. */
    private static Instant history(BurnRateDetector detector) {
        run(detector, T0, 3 * 24 * 3600, 0, 1);
        assertThat(detector.level()).isEqualTo(NONE);
        return T0.plusSeconds(3 * 24 * 3600);
    }

    @Test
    void aTotalOutageAtNinetyNinePointNinePagesAfterFiftyOnePointEightFourSeconds() {
        BurnRateDetector detector = new BurnRateDetector(99.9, 5);
        Instant outage = history(detector);
        int seconds = 0;
        BurnRateDetector.Level level = NONE;
        while (level == NONE) {
            level = detector.record(outage.plusSeconds(seconds++), true);
        }
        // 14.4 x 0.1% x 3600 s = 51.84 s: the 52nd second of failures is the first above the line
        assertThat(seconds).isEqualTo(52);
        assertThat(level).isEqualTo(PAGE);
        assertThat(detector.oneHourBurnRate()).isGreaterThan(14.4);
    }

    @Test
    void theSixHourRuleCatchesASlowerBurnTheOneHourRuleMisses() {
        // 1% errors at 99.9% is a burn rate of 10: above 6, below 14.4
        BurnRateDetector detector = new BurnRateDetector(99.9, 5);
        List<BurnRateDetector.Level> levels = run(detector, T0, 6 * 3600, 0.01, 1);
        assertThat(levels).doesNotContain(TICKET);
        assertThat(levels.get(levels.size() - 1)).isEqualTo(PAGE);
        assertThat(detector.oneHourBurnRate()).isBetween(6.0, 14.4);
    }

    @Test
    void aBurnJustOverTheBudgetForDaysOpensATicketNotAPage() {
        // 0.3% errors at 99.9%: burn rate 3
        BurnRateDetector detector = new BurnRateDetector(99.9, 5);
        List<BurnRateDetector.Level> levels = run(detector, T0, 3 * 24 * 3600, 0.003, 30);
        assertThat(levels).doesNotContain(PAGE);
        assertThat(levels.get(levels.size() - 1)).isEqualTo(TICKET);
    }

    @Test
    void burningExactlyTheBudgetNeverAlerts() {
        BurnRateDetector detector = new BurnRateDetector(95.0, 5);
        List<BurnRateDetector.Level> levels = run(detector, T0, 24 * 3600, 0.05, 20);
        assertThat(levels.subList(levels.size() / 2, levels.size())).containsOnly(NONE);
    }

    @Test
    void aPageStopsOnceTheShortWindowsNoLongerBurnAndATicketRemainsForTheSpentBudget() {
        BurnRateDetector detector = new BurnRateDetector(99.9, 5);
        Instant outage = history(detector);
        run(detector, outage, 600, 1.0, 1);
        assertThat(detector.level()).isEqualTo(PAGE);
        List<BurnRateDetector.Level> after = run(detector, outage.plusSeconds(600), 2400, 0, 1);
        // the 5-minute window clears after 300 s; the 6 h / 30 min rule holds while the 30-minute window burns
        assertThat(after.get(400)).isEqualTo(PAGE);
        int firstNotPaging = after.indexOf(TICKET);
        assertThat(after.subList(0, firstNotPaging)).containsOnly(PAGE);
        assertThat(firstNotPaging).isBetween(1700, 1800);
        // 600 failed calls are 2.3 times the 3-day budget: worth a ticket, not a page
        assertThat(after.get(after.size() - 1)).isEqualTo(TICKET);
    }

    @Test
    void aYoungLineIsNotJudgedByWindowsItHasNoHistoryFor() {
        BurnRateDetector detector = new BurnRateDetector(99.9, 5);
        run(detector, T0, 3600, 0, 1);
        assertThat(run(detector, T0.plusSeconds(3600), 20, 1.0, 1)).containsOnly(NONE);
    }

    @Test
    void oneDroppedCallOnAQuietLineDoesNotPage() {
        BurnRateDetector detector = new BurnRateDetector(95.0, 5);
        assertThat(detector.record(T0, true)).isEqualTo(NONE);
        assertThat(detector.record(T0.plusSeconds(1200), true)).isEqualTo(NONE);
    }

    @Test
    void windowSumsMatchARecountForThousandsOfRandomAndLateCalls() {
        SplittableRandom random = new SplittableRandom(99);
        for (int scenario = 0; scenario < 200; scenario++) {
            SlotRing ring = new SlotRing(1, 600, 60, 300, 600);
            List<long[]> calls = new ArrayList<>();
            long now = 1_000_000;
            long newest = Long.MIN_VALUE;
            for (int i = 0; i < 60; i++) {
                now += random.nextInt(40);
                long at = random.nextInt(10) == 0 ? now - random.nextInt(900) : now; // some late ones
                boolean bad = random.nextBoolean();
                ring.add(at, bad);
                calls.add(new long[]{at, bad ? 1 : 0});
                newest = Math.max(newest, at);
                int[] lengths = {60, 300, 600};
                for (int w = 0; w < lengths.length; w++) {
                    long from = newest - lengths[w];
                    long good = 0;
                    long badCount = 0;
                    for (long[] c : calls) {
                        if (c[0] > from && c[0] <= newest) {
                            if (c[1] == 1) {
                                badCount++;
                            } else {
                                good++;
                            }
                        }
                    }
                    assertThat(ring.good(w)).as("scenario %d call %d window %d good", scenario, i, w).isEqualTo(good);
                    assertThat(ring.bad(w)).as("scenario %d call %d window %d bad", scenario, i, w).isEqualTo(badCount);
                }
            }
        }
    }

    /** One call every {@code everySeconds}, bad with the given share (spread evenly, deterministic). */
    private static List<BurnRateDetector.Level> run(BurnRateDetector detector, Instant from, int seconds,
                                                    double badShare, int everySeconds) {
        List<BurnRateDetector.Level> levels = new ArrayList<>();
        double debt = 0;
        for (int s = 0; s < seconds; s += everySeconds) {
            debt += badShare;
            boolean bad = debt >= 1 - 1e-9;
            if (bad) {
                debt -= 1;
            }
            levels.add(detector.record(from.plusSeconds(s), bad));
        }
        return levels;
    }
}
