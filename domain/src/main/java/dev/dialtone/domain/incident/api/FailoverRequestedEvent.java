package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentScoped;
import dev.dialtone.domain.tenancy.TenantId;
import java.time.Instant;

/** Dialtone decided to move the agent's calls (ACTIVATE) or move them back (DEACTIVATE). */
public record FailoverRequestedEvent(String requestId,
                                     IncidentId incidentId,
                                     TenantId tenant,
                                     AgentId agentId,
                                     FailoverAction action,
                                     String url,
                                     String backupNumber,
                                     Instant at) implements AgentScoped {
}
