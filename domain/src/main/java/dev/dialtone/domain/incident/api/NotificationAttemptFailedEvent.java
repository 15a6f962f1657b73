package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentScoped;
import java.time.Instant;

/** A delivery attempt failed; {@code nextAttemptAt} says when the next one is due (null: none). */
public record NotificationAttemptFailedEvent(String notificationId,
                                             IncidentId incidentId,
                                             AgentId agentId,
                                             int attempt,
                                             String error,
                                             Instant nextAttemptAt,
                                             Instant at) implements AgentScoped {
}
