package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.tenancy.TenantId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A responder asks for the next level of the ladder now. */
public record EscalateIncidentCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                      TenantId tenant,
                                      String by,
                                      String reason,
                                      Instant at) {
}
