package dev.dialtone.domain.incident.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Attach more facts to an open incident. */
public record AddIncidentEvidenceCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                         List<Evidence> evidence,
                                         Instant at) {
}
