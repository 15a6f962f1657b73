package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentScoped;
import java.time.Instant;
import java.util.List;

/** More facts joined an open incident. */
public record IncidentEvidenceAddedEvent(IncidentId incidentId,
                                         AgentId agentId,
                                         List<Evidence> evidence,
                                         Instant at) implements AgentScoped {
}
