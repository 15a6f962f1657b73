package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.agent.api.FailoverTarget;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reopen a resolved incident because the problem recurred within the reopen window. */
public record ReopenIncidentCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                    Severity severity,
                                    Instant detectedAt,
                                    Instant startedAt,
                                    List<Evidence> evidence,
                                    String reason,
                                    EscalationPlan escalation,
                                    FailoverTarget failover,
                                    Instant at) {
}
