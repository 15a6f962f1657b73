package dev.dialtone.domain.sla;

import dev.dialtone.domain.tenancy.TenantId;

import java.time.Instant;
import java.util.List;

/**
 * SLA reports of one or more agents of a tenant, each over its own window (a month is local to each agent), as the
 * system knew things at {@code asOf}. Answered with a list of {@link SlaReport} in the order asked.
 *
 * @param latest whether to count everything known so far ({@code asOf} is then the time of asking, where open
 *               incidents are cut); otherwise facts recorded after {@code asOf} are left out (calls to the minute)
 */
public record FindSlaReportsQuery(TenantId tenant, List<Subject> subjects, Instant asOf, boolean latest) {

    /** One agent, its window and the targets its report is judged against. */
    public record Subject(String agentId, TimeSpan window, double sloTarget, double leadValue) {
    }
}
