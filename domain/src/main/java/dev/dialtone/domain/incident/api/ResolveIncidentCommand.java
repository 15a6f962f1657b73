package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.tenancy.TenantId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End the incident: by a person ({@code automatic} false), or by detection seeing recovery at {@code recoveredAt}. */
public record ResolveIncidentCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                     TenantId tenant,
                                     String by,
                                     String note,
                                     boolean automatic,
                                     Instant recoveredAt,
                                     Instant at) {
}
