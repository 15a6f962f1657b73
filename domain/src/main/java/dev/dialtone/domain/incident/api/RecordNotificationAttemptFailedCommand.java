package dev.dialtone.domain.incident.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A delivery attempt failed; {@code nextAttemptAt} is null when no retry follows. */
public record RecordNotificationAttemptFailedCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                                     String notificationId,
                                                     int attempt,
                                                     String error,
                                                     Instant nextAttemptAt,
                                                     Instant at) {
}
