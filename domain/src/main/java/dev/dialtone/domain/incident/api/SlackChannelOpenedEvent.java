package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentScoped;

import java.time.Instant;

/** The bot opened the incident's Slack channel ({@code inc-<yyyymmdd>-<agent>-<n>}) and posted its card there. */
public record SlackChannelOpenedEvent(IncidentId incidentId,
                                      AgentId agentId,
                                      String channelId,
                                      String channelName,
                                      Instant at) implements AgentScoped {
}
