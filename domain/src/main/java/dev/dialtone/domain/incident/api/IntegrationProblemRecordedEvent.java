package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentScoped;

import java.time.Instant;

/** An integration (Slack, PagerDuty) failed at work for this incident; {@code nextAttemptAt} null: no retry. */
public record IntegrationProblemRecordedEvent(IncidentId incidentId,
                                              AgentId agentId,
                                              String integration,
                                              String error,
                                              Instant nextAttemptAt,
                                              Instant at) implements AgentScoped {
}
