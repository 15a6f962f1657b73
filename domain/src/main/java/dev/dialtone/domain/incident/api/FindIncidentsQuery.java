package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.tenancy.TenantId;

import java.time.Instant;

/**
 * The tenant's incidents, newest detection first, optionally of one agent, in one status, detected in [from, to).
 *
 * @param after the cursor of the previous page (opaque to clients), or null for the first page
 */
public record FindIncidentsQuery(TenantId tenant, String agentId, IncidentStatus status, Instant from, Instant to,
                                 int limit, String after) {
}
