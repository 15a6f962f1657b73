package dev.dialtone.domain.incident.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The escalation saga moves the ladder to {@code level} of {@code round}: every target of that level is paged. */
public record NotifyEscalationLevelCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                           int level,
                                           int round,
                                           EscalationTrigger trigger,
                                           String requestedBy,
                                           Instant at) {
}
