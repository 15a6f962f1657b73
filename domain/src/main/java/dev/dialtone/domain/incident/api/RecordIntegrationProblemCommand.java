package dev.dialtone.domain.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Work for the incident outside a notification failed (e.g. opening its Slack channel): put it on the timeline.
 * {@code nextAttemptAt} is null when no retry follows.
 */
public record RecordIntegrationProblemCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                              String integration,
                                              String error,
                                              Instant nextAttemptAt,
                                              Instant at) {
}
