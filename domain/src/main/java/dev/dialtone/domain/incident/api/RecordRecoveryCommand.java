package dev.dialtone.domain.incident.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Note that detection saw the problem end, for an agent whose incidents a person must resolve. */
public record RecordRecoveryCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                    Instant recoveredAt,
                                    Instant at) {
}
