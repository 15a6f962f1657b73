package dev.dialtone.domain.sla;

import java.time.Instant;

/**
 * The SLA report of one agent over [from, to) as known at {@code asOf} (DESIGN.md "SLA report JSON").
 *
 * @param errorBudgetRemaining fraction of the window's allowed downtime left (negative when overspent)
 * @param mttaSeconds          mean time from opened to acknowledged, over incidents acknowledged; null if none
 * @param mttrSeconds          mean time from detected to recovered (or resolved), over incidents ended; null if none
 * @param callSuccessRate      good ÷ (good + bad) inbound calls, in percent; null without such calls
 */
public record SlaReport(String agentId,
                        Instant from,
                        Instant to,
                        Instant asOf,
                        double sloTarget,
                        double uptimePercent,
                        double downtimeSeconds,
                        double allowedDowntimeSeconds,
                        double maintenanceSeconds,
                        double degradedSeconds,
                        double errorBudgetRemaining,
                        int incidents,
                        Double mttaSeconds,
                        Double mttrSeconds,
                        CallTally calls,
                        Double callSuccessRate,
                        long missedLeads,
                        double estimatedLostRevenue,
                        boolean slaMet) {
}
