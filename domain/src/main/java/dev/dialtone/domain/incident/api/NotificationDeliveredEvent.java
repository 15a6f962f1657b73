package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentScoped;
import java.time.Instant;

/** A notification reached its target. */
public record NotificationDeliveredEvent(String notificationId,
                                         IncidentId incidentId,
                                         AgentId agentId,
                                         int attempts,
                                         String detail,
                                         Instant at) implements AgentScoped {
}
