package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentScoped;
import java.time.Instant;

/** A responder asked for the next level of the ladder. */
public record IncidentEscalationRequestedEvent(IncidentId incidentId,
                                               AgentId agentId,
                                               String by,
                                               String reason,
                                               Instant at) implements AgentScoped {
}
