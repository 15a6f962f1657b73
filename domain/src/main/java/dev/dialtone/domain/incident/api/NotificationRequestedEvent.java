package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentScoped;
import dev.dialtone.domain.escalation.api.NotificationTarget;
import dev.dialtone.domain.tenancy.TenantId;
import java.time.Instant;

/** Dialtone decided to tell {@code target} something; delivery is carried out (and recorded) outside the aggregate. The notification id is the idempotency key of every attempt. */
public record NotificationRequestedEvent(String notificationId,
                                         IncidentId incidentId,
                                         TenantId tenant,
                                         AgentId agentId,
                                         NotificationType type,
                                         NotificationTarget target,
                                         int level,
                                         int round,
                                         IncidentKind kind,
                                         Severity severity,
                                         String summary,
                                         String runbookId,
                                         Instant at) implements AgentScoped {
}
