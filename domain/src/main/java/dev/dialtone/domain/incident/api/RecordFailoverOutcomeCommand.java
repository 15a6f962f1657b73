package dev.dialtone.domain.incident.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The failover target answered (or an attempt failed; {@code nextAttemptAt} null means no retry). */
public record RecordFailoverOutcomeCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                           String requestId,
                                           FailoverAction action,
                                           boolean succeeded,
                                           int attempt,
                                           String detail,
                                           Instant nextAttemptAt,
                                           Instant at) {
}
