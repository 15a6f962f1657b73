package dev.dialtone.domain.incident.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ask the agent's failover target to move calls to the backup line, or back. */
public record RequestFailoverCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                     FailoverAction action,
                                     Instant at) {
}
