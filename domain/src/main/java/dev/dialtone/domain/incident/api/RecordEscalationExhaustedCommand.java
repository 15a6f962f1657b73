package dev.dialtone.domain.incident.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Every level of every round was notified without an acknowledgement. */
public record RecordEscalationExhaustedCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                               int rounds,
                                               Instant at) {
}
