package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentScoped;
import java.time.Instant;

/** The failover target confirmed the action. */
public record FailoverSucceededEvent(String requestId,
                                     IncidentId incidentId,
                                     AgentId agentId,
                                     FailoverAction action,
                                     int attempts,
                                     String detail,
                                     Instant at) implements AgentScoped {
}
