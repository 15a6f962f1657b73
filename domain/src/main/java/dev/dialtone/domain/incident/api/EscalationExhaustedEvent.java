package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentScoped;
import java.time.Instant;

/** Every level of every round was notified and nobody acknowledged. */
public record EscalationExhaustedEvent(IncidentId incidentId,
                                       AgentId agentId,
                                       int rounds,
                                       Instant at) implements AgentScoped {
}
