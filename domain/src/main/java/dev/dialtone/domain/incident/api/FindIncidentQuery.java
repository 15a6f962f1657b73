package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.tenancy.TenantId;

/** One incident of the tenant, with its timeline; answered with an {@link IncidentView} or nothing. */
public record FindIncidentQuery(TenantId tenant, IncidentId incidentId) {
}
