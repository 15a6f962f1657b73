package dev.dialtone.domain.sla;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Expectations computed by hand in the comments; every number here can be checked with a pencil. */
class SlaCalculatorTest {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static final Instant T = Instant.parse("2026-11-10T00:00:00Z");

    @Test
    void aWindowWithNoDataIsAHundredPercentUp() {
        SlaReport report = report(span(T, T.plusSeconds(86_400)), List.of(), List.of(), List.of(), List.of(),
                CallTally.NONE);
        assertThat(report.uptimePercent()).isEqualTo(100.0);
        assertThat(report.downtimeSeconds()).isZero();
        assertThat(report.allowedDowntimeSeconds()).isCloseTo(86.4, within(1e-9)); // 0.1% of 86,400 s
        assertThat(report.errorBudgetRemaining()).isEqualTo(1.0);
        assertThat(report.callSuccessRate()).isNull();
        assertThat(report.mttaSeconds()).isNull();
        assertThat(report.slaMet()).isTrue();
    }

    @Test
    void monthsFollowTheAgentsTimeZoneAcrossDaylightSavingTime() {
        // October 2026 in Los Angeles: 31 days of PDT, 2,678,400 s
        assertThat(ReportWindows.month(YearMonth.of(2026, 10), LA).millis()).isEqualTo(2_678_400_000L);
        // November 2026: clocks fall back on the 1st, so 30 days and an hour, 2,595,600 s
        TimeSpan november = ReportWindows.month(YearMonth.of(2026, 11), LA);
        assertThat(november.millis()).isEqualTo(2_595_600_000L);
        assertThat(november.start()).isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
        assertThat(november.end()).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
        // March 2026: clocks spring forward on the 8th, 31 days less an hour, 2,674,800 s
        assertThat(ReportWindows.month(YearMonth.of(2026, 3), LA).millis()).isEqualTo(2_674_800_000L);
    }

    @Test
    void fortyThreeMinutesDownInThirtyDaysIsExactlyThreeNines() {
        TimeSpan thirtyDays = span(T, T.plusSeconds(2_592_000));
        // 0.1% of 2,592,000 s is 2,592 s = 43 min 12 s
        SlaReport report = report(thirtyDays, List.of(span(T.plusSeconds(1000), T.plusSeconds(1000 + 2592))),
                List.of(), List.of(), List.of(), CallTally.NONE);
        assertThat(report.downtimeSeconds()).isEqualTo(2592.0);
        assertThat(report.allowedDowntimeSeconds()).isCloseTo(2592.0, within(1e-6));
        assertThat(report.uptimePercent()).isCloseTo(99.9, within(1e-12));
        assertThat(report.errorBudgetRemaining()).isCloseTo(0.0, within(1e-9));
        assertThat(report.slaMet()).isTrue();
    }

    @Test
    void maintenanceOverlappingAnOutageLeavesTheDenominatorAndTheDowntime() {
        TimeSpan window = span(T, T.plusSeconds(10_000));
        // outage [1000, 3000), maintenance [2000, 4000): downtime is [1000, 2000) = 1,000 s;
        // the denominator is 10,000 - 2,000 = 8,000 s; uptime = 7,000 / 8,000 = 87.5%
        SlaReport report = report(window, List.of(span(T.plusSeconds(1000), T.plusSeconds(3000))),
                List.of(), List.of(span(T.plusSeconds(2000), T.plusSeconds(4000))), List.of(), CallTally.NONE);
        assertThat(report.maintenanceSeconds()).isEqualTo(2000.0);
        assertThat(report.downtimeSeconds()).isEqualTo(1000.0);
        assertThat(report.uptimePercent()).isEqualTo(87.5);
        // allowed: 0.1% of 8,000 s = 8 s; remaining (8 - 1000) / 8 = -124
        assertThat(report.errorBudgetRemaining()).isCloseTo(-124.0, within(1e-9));
        assertThat(report.slaMet()).isFalse();
    }

    @Test
    void anOutageAcrossAMonthEndIsSplitBetweenTheMonths() {
        // 2026-10-31 23:30 PDT to 2026-11-01 00:45 PDT: 30 minutes in October, 45 in November
        Instant start = Instant.parse("2026-11-01T06:30:00Z");
        Instant end = Instant.parse("2026-11-01T07:45:00Z");
        List<TimeSpan> outage = List.of(span(start, end));
        SlaReport october = report(ReportWindows.month(YearMonth.of(2026, 10), LA), outage, List.of(), List.of(),
                List.of(), CallTally.NONE);
        SlaReport november = report(ReportWindows.month(YearMonth.of(2026, 11), LA), outage, List.of(), List.of(),
                List.of(), CallTally.NONE);
        assertThat(october.downtimeSeconds()).isEqualTo(1800.0);
        assertThat(november.downtimeSeconds()).isEqualTo(2700.0);
        // October: (2,678,400 - 1,800) / 2,678,400
        assertThat(october.uptimePercent()).isCloseTo(100.0 * 2_676_600 / 2_678_400, within(1e-12));
    }

    @Test
    void overlappingOutagesCountOnceAndDegradedTimeIsReportedApart() {
        TimeSpan window = span(T, T.plusSeconds(3600));
        SlaReport report = report(window,
                List.of(span(T.plusSeconds(100), T.plusSeconds(400)), span(T.plusSeconds(300), T.plusSeconds(600))),
                List.of(span(T.plusSeconds(1000), T.plusSeconds(1600))), List.of(), List.of(), CallTally.NONE);
        assertThat(report.downtimeSeconds()).isEqualTo(500.0); // [100, 600)
        assertThat(report.degradedSeconds()).isEqualTo(600.0);
        assertThat(report.uptimePercent()).isCloseTo(100.0 * 3100 / 3600, within(1e-12));
    }

    @Test
    void responseTimesAndCallFiguresAreMeansAndSums() {
        List<IncidentFacts> incidents = List.of(
                // acknowledged after 120 s, recovered 600 s after detection
                new IncidentFacts("a-1", T, T.plusSeconds(1), T.plusSeconds(121), T.plusSeconds(900),
                        T.plusSeconds(600)),
                // acknowledged after 300 s, resolved by a person 1,800 s after detection
                new IncidentFacts("a-2", T.plusSeconds(5000), T.plusSeconds(5000), T.plusSeconds(5300),
                        T.plusSeconds(6800), null),
                // still open: counted as an incident, not in the means
                new IncidentFacts("a-3", T.plusSeconds(9000), T.plusSeconds(9000), null, null, null));
        CallTally calls = new CallTally(900, 50, 20, 20, 10, 30, 100);
        SlaReport report = report(span(T, T.plusSeconds(86_400)), List.of(), List.of(), List.of(), incidents,
                calls);
        assertThat(report.incidents()).isEqualTo(3);
        assertThat(report.mttaSeconds()).isEqualTo(210.0); // (120 + 300) / 2
        assertThat(report.mttrSeconds()).isEqualTo(1200.0); // (600 + 1800) / 2
        assertThat(report.calls().total()).isEqualTo(1130);
        assertThat(report.callSuccessRate()).isEqualTo(95.0); // 950 / (950 + 50)
        assertThat(report.missedLeads()).isEqualTo(50);
        assertThat(report.estimatedLostRevenue()).isEqualTo(50 * 450.0);
    }

    private static SlaReport report(TimeSpan window, List<TimeSpan> outages, List<TimeSpan> degraded,
                                    List<TimeSpan> maintenance, List<IncidentFacts> incidents, CallTally calls) {
        return SlaCalculator.report("smith-law-intake", window, window.end(), 99.9, 450.0, outages, degraded,
                maintenance, incidents, calls);
    }

    private static TimeSpan span(Instant start, Instant end) {
        return new TimeSpan(start, end);
    }
}
