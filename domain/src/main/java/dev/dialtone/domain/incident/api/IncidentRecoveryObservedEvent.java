package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentScoped;
import java.time.Instant;

/** Detection saw the problem end; the incident stays open until a person resolves it. */
public record IncidentRecoveryObservedEvent(IncidentId incidentId,
                                            AgentId agentId,
                                            Instant recoveredAt,
                                            Instant at) implements AgentScoped {
}
