package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentScoped;
import java.time.Instant;

/** A failover attempt failed; {@code nextAttemptAt} says when it is retried (null: not). */
public record FailoverAttemptFailedEvent(String requestId,
                                         IncidentId incidentId,
                                         AgentId agentId,
                                         FailoverAction action,
                                         int attempt,
                                         String error,
                                         Instant nextAttemptAt,
                                         Instant at) implements AgentScoped {
}
