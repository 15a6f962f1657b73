package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentScoped;
import java.time.Instant;

/** The incident became more urgent. */
public record IncidentSeverityRaisedEvent(IncidentId incidentId,
                                          AgentId agentId,
                                          Severity from,
                                          Severity to,
                                          String reason,
                                          Instant at) implements AgentScoped {
}
