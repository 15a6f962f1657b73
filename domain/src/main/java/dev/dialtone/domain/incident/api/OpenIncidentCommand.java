package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.FailoverTarget;
import dev.dialtone.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Open an incident for what detection found; the id is decided by detection, so a retry cannot open a second one. */
public record OpenIncidentCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                  TenantId tenant,
                                  AgentId agentId,
                                  int number,
                                  IncidentKind kind,
                                  Severity severity,
                                  Instant detectedAt,
                                  Instant startedAt,
                                  List<Evidence> evidence,
                                  String reason,
                                  String runbookId,
                                  EscalationPlan escalation,
                                  FailoverTarget failover,
                                  Instant at) {
}
