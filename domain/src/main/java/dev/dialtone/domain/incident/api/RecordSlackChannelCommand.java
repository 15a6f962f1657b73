package dev.dialtone.domain.incident.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The incident's Slack channel exists: record it once, so the timeline and the read side can link to it. */
public record RecordSlackChannelCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                        String channelId,
                                        String channelName,
                                        Instant at) {
}
