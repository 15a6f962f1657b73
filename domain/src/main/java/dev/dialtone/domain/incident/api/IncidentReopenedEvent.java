package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentScoped;
import dev.dialtone.domain.agent.api.FailoverTarget;
import dev.dialtone.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;

/** The problem came back within the reopen window; a new ladder starts with the policy in force now. */
public record IncidentReopenedEvent(IncidentId incidentId,
                                    TenantId tenant,
                                    AgentId agentId,
                                    IncidentKind kind,
                                    Severity severity,
                                    Instant detectedAt,
                                    Instant startedAt,
                                    Instant reopenedAt,
                                    List<Evidence> evidence,
                                    String reason,
                                    EscalationPlan escalation,
                                    FailoverTarget failover) implements AgentScoped {
}
