package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentScoped;
import dev.dialtone.domain.tenancy.TenantId;
import java.time.Instant;

/** The incident ended: by a person or by detection (automatic), with the recovery time in event time when known. */
public record IncidentResolvedEvent(IncidentId incidentId,
                                    TenantId tenant,
                                    AgentId agentId,
                                    IncidentKind kind,
                                    String by,
                                    String note,
                                    boolean automatic,
                                    Instant recoveredAt,
                                    Instant resolvedAt) implements AgentScoped {
}
