package dev.dialtone.domain.incident.api;

import java.time.Instant;
import java.util.List;

/**
 * An incident as the read side knows it: its state, evidence and timeline (DESIGN.md "Incident JSON"), and the Slack
 * channel the bot opened for it, if any.
 */
public record IncidentView(String id,
                           String tenant,
                           String agentId,
                           int number,
                           IncidentKind kind,
                           IncidentStatus status,
                           Severity severity,
                           Instant detectedAt,
                           Instant startedAt,
                           Instant openedAt,
                           Instant acknowledgedAt,
                           String acknowledgedBy,
                           Instant resolvedAt,
                           String resolvedBy,
                           Instant recoveredAt,
                           int escalationLevel,
                           int escalationRound,
                           String runbookId,
                           List<Evidence> evidence,
                           List<TimelineEntry> timeline,
                           String slackChannelId,
                           String slackChannelName) {
}
