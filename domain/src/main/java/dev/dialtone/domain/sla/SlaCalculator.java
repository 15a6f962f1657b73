package dev.dialtone.domain.sla;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The arithmetic of DESIGN.md "Uptime and SLA", exact to the millisecond: uptime = 1 - outage ÷ (window -
 * maintenance), time-weighted. Time with no evidence of an outage counts as up; outage time inside maintenance is
 * neither downtime nor in the denominator.
 */
public final class SlaCalculator {

    private SlaCalculator() {
    }

    /**
     * @param window      the report window; open intervals are cut at {@code min(asOf, window end)}
     * @param outages     outage spans as known at {@code asOf} (a span still open ends at {@code asOf})
     * @param degraded    degraded spans, likewise
     * @param maintenance planned maintenance as known at {@code asOf}
     * @param incidents   incidents detected inside the window, as known at {@code asOf}
     * @param calls       calls that occurred inside the window, as recorded by {@code asOf}
     */
    public static SlaReport report(String agentId, TimeSpan window, Instant asOf, double sloTarget, double leadValue,
                                   List<TimeSpan> outages, List<TimeSpan> degraded, List<TimeSpan> maintenance,
                                   List<IncidentFacts> incidents, CallTally calls) {
        long windowMillis = window.millis();
        long maintenanceMillis = TimeSpan.millisWithin(maintenance, window);
        long countedMillis = windowMillis - maintenanceMillis;
        long downMillis = TimeSpan.millisWithin(TimeSpan.minus(outages, maintenance), window);
        long degradedMillis = TimeSpan.millisWithin(TimeSpan.minus(degraded, maintenance), window);
        double budgetShare = 1 - sloTarget / 100;
        double allowedMillis = budgetShare * countedMillis;
        double uptime = countedMillis <= 0 ? 100 : 100.0 * (countedMillis - downMillis) / countedMillis;
        double budgetLeft = allowedMillis <= 0 ? (downMillis == 0 ? 1 : 0) : (allowedMillis - downMillis) / allowedMillis;

        OptionalDouble mtta = incidents.stream().filter(i -> i.acknowledgedAt() != null && i.openedAt() != null)
                .mapToDouble(i -> seconds(i.openedAt(), i.acknowledgedAt())).average();
        OptionalDouble mttr = incidents.stream().filter(i -> end(i) != null && i.detectedAt() != null)
                .mapToDouble(i -> seconds(i.detectedAt(), end(i))).average();
        long judged = calls.good() + calls.bad();
        return new SlaReport(agentId, window.start(), window.end(), asOf, sloTarget, uptime, downMillis / 1000.0,
                allowedMillis / 1000.0, maintenanceMillis / 1000.0, degradedMillis / 1000.0, budgetLeft,
                incidents.size(), mtta.isPresent() ? mtta.getAsDouble() : null,
                mttr.isPresent() ? mttr.getAsDouble() : null, calls,
                judged == 0 ? null : 100.0 * calls.good() / judged, calls.bad(), calls.bad() * leadValue,
                uptime >= sloTarget);
    }

    /** When the incident's problem ended: recovery as detection saw it, else the resolution. */
    private static Instant end(IncidentFacts incident) {
        return incident.recoveredAt() != null ? incident.recoveredAt() : incident.resolvedAt();
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0, java.time.Duration.between(from, to).toMillis()) / 1000.0;
    }
}
