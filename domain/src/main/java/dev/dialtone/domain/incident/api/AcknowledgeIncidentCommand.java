package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.tenancy.TenantId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A responder takes the incident: escalation stops. {@code tenant} is null for system callers. */
public record AcknowledgeIncidentCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                         TenantId tenant,
                                         String by,
                                         Instant at) {
}
