package dev.dialtone.domain.incident.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make an incident louder, e.g. a budget-burn ticket that now pages. */
public record RaiseIncidentSeverityCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                           Severity severity,
                                           String reason,
                                           Instant at) {
}
