package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentScoped;
import dev.dialtone.domain.tenancy.TenantId;
import java.time.Instant;

/** A responder took the incident; the ladder stops. */
public record IncidentAcknowledgedEvent(IncidentId incidentId,
                                        TenantId tenant,
                                        AgentId agentId,
                                        String by,
                                        Instant at) implements AgentScoped {
}
