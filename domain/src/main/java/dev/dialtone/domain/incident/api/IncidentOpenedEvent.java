package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentScoped;
import dev.dialtone.domain.agent.api.FailoverTarget;
import dev.dialtone.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;

/** Detection opened an incident; it carries the policy in force and the failover target, so the ladder and the failover need nothing else. */
public record IncidentOpenedEvent(IncidentId incidentId,
                                  TenantId tenant,
                                  AgentId agentId,
                                  int number,
                                  IncidentKind kind,
                                  Severity severity,
                                  Instant detectedAt,
                                  Instant startedAt,
                                  Instant openedAt,
                                  List<Evidence> evidence,
                                  String reason,
                                  String runbookId,
                                  EscalationPlan escalation,
                                  FailoverTarget failover) implements AgentScoped {
}
