package dev.dialtone.domain.incident.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A notification reached its target. */
public record RecordNotificationDeliveredCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                                 String notificationId,
                                                 int attempts,
                                                 String detail,
                                                 Instant at) {
}
