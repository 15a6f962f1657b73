package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentScoped;
import dev.dialtone.domain.escalation.api.NotificationTarget;
import java.time.Instant;
import java.util.List;

/** A level of the ladder was notified: which policy version, which level and round, whom, and why. */
public record IncidentEscalatedEvent(IncidentId incidentId,
                                     AgentId agentId,
                                     int level,
                                     int round,
                                     String policyId,
                                     long policyVersion,
                                     boolean afterHours,
                                     List<NotificationTarget> targets,
                                     EscalationTrigger trigger,
                                     String requestedBy,
                                     Instant at) implements AgentScoped {
}
