package dev.dialtone.domain.incident;

import dev.dialtone.domain.escalation.api.NotificationTarget;
import dev.dialtone.domain.incident.api.EscalationExhaustedEvent;
import dev.dialtone.domain.incident.api.Evidence;
import dev.dialtone.domain.incident.api.FailoverAction;
import dev.dialtone.domain.incident.api.FailoverAttemptFailedEvent;
import dev.dialtone.domain.incident.api.FailoverRequestedEvent;
import dev.dialtone.domain.incident.api.FailoverSucceededEvent;
import dev.dialtone.domain.incident.api.IncidentAcknowledgedEvent;
import dev.dialtone.domain.incident.api.IncidentEscalatedEvent;
import dev.dialtone.domain.incident.api.IncidentEscalationRequestedEvent;
import dev.dialtone.domain.incident.api.IncidentEvidenceAddedEvent;
import dev.dialtone.domain.incident.api.IncidentOpenedEvent;
import dev.dialtone.domain.incident.api.IncidentRecoveryObservedEvent;
import dev.dialtone.domain.incident.api.IncidentReopenedEvent;
import dev.dialtone.domain.incident.api.IncidentResolvedEvent;
import dev.dialtone.domain.incident.api.IncidentSeverityRaisedEvent;
import dev.dialtone.domain.incident.api.IntegrationProblemRecordedEvent;
import dev.dialtone.domain.incident.api.NotificationAttemptFailedEvent;
import dev.dialtone.domain.incident.api.NotificationDeliveredEvent;
import dev.dialtone.domain.incident.api.NotificationRequestedEvent;
import dev.dialtone.domain.incident.api.SlackChannelOpenedEvent;
import dev.dialtone.domain.incident.api.TimelineEntry;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The words of an incident's timeline: one entry per incident event, the same for the read model, the Slack channel
 * and anyone else who tells the story, so "why was this person paged at 03:12" reads the same everywhere.
 */
public final class IncidentTimeline {

    private IncidentTimeline() {
    }

    /** The entry an incident event adds to the timeline; empty for anything that is not an incident event. */
    public static Optional<TimelineEntry> entry(Object event) {
        return Optional.ofNullable(of(event));
    }

    private static TimelineEntry of(Object event) {
        if (event instanceof IncidentOpenedEvent e) {
            return new TimelineEntry(e.openedAt(), "opened", e.reason()
                    + (e.escalation() == null ? "; no escalation policy" : "; escalation policy "
                    + e.escalation().policyId() + " v" + e.escalation().policyVersion()
                    + (e.escalation().afterHours() ? " (after hours)" : "")));
        }
        if (event instanceof IncidentReopenedEvent e) {
            return new TimelineEntry(e.reopenedAt(), "reopened", e.reason());
        }
        if (event instanceof IncidentEvidenceAddedEvent e) {
            return new TimelineEntry(e.at(), "evidence",
                    e.evidence().stream().map(Evidence::summary).collect(Collectors.joining("; ")));
        }
        if (event instanceof IncidentSeverityRaisedEvent e) {
            return new TimelineEntry(e.at(), "severity-raised",
                    e.from() + " to " + e.to() + ": " + e.reason());
        }
        if (event instanceof IncidentRecoveryObservedEvent e) {
            return new TimelineEntry(e.at(), "recovered",
                    "detection saw recovery at " + e.recoveredAt() + "; resolve when satisfied");
        }
        if (event instanceof IncidentAcknowledgedEvent e) {
            return new TimelineEntry(e.at(), "acknowledged", "by " + e.by());
        }
        if (event instanceof IncidentEscalationRequestedEvent e) {
            return new TimelineEntry(e.at(), "escalation-requested",
                    "by " + e.by() + (e.reason() == null ? "" : ": " + e.reason()));
        }
        if (event instanceof IncidentEscalatedEvent e) {
            return new TimelineEntry(e.at(), "escalated", escalated(e));
        }
        if (event instanceof NotificationRequestedEvent e) {
            return new TimelineEntry(e.at(), "notification-requested",
                    e.type().name().toLowerCase(Locale.ROOT) + " to " + describe(e.target())
                            + " (" + e.notificationId() + ")");
        }
        if (event instanceof NotificationDeliveredEvent e) {
            return new TimelineEntry(e.at(), "notification-delivered",
                    e.notificationId() + " after " + attempts(e.attempts()) + ": " + e.detail());
        }
        if (event instanceof NotificationAttemptFailedEvent e) {
            return new TimelineEntry(e.at(), "notification-failed",
                    e.notificationId() + " attempt " + e.attempt() + ": " + e.error()
                            + (e.nextAttemptAt() == null ? "; giving up" : "; retrying at " + e.nextAttemptAt()));
        }
        if (event instanceof EscalationExhaustedEvent e) {
            return new TimelineEntry(e.at(), "escalation-exhausted",
                    "every level of " + e.rounds() + (e.rounds() == 1 ? " round" : " rounds")
                            + " was notified without an acknowledgement");
        }
        if (event instanceof IncidentResolvedEvent e) {
            return new TimelineEntry(e.resolvedAt(), "resolved", (e.automatic()
                    ? "automatically: recovered at " + e.recoveredAt() : "by " + e.by())
                    + (e.note() == null ? "" : ": " + e.note()));
        }
        if (event instanceof FailoverRequestedEvent e) {
            return new TimelineEntry(e.at(), "failover-requested",
                    e.action() + " via " + e.url() + (e.backupNumber() == null ? "" : " (backup " + e.backupNumber()
                            + ")"));
        }
        if (event instanceof FailoverSucceededEvent e) {
            return new TimelineEntry(e.at(), e.action() == FailoverAction.ACTIVATE
                    ? "failover-activated" : "failover-deactivated", e.detail() + " after " + attempts(e.attempts()));
        }
        if (event instanceof FailoverAttemptFailedEvent e) {
            return new TimelineEntry(e.at(), "failover-failed", e.action()
                    + " attempt " + e.attempt() + ": " + e.error()
                    + (e.nextAttemptAt() == null ? "" : "; retrying at " + e.nextAttemptAt()));
        }
        if (event instanceof SlackChannelOpenedEvent e) {
            return new TimelineEntry(e.at(), "slack-channel",
                    "#" + e.channelName() + " (" + e.channelId() + ")");
        }
        if (event instanceof IntegrationProblemRecordedEvent e) {
            return new TimelineEntry(e.at(), e.integration() + "-failed",
                    e.error() + (e.nextAttemptAt() == null ? "; giving up" : "; retrying at " + e.nextAttemptAt()));
        }
        return null;
    }

    /** A target as people read it: {@code pagerduty R0UT...}, {@code slack C0INC...}, {@code webhook https://...}. */
    public static String describe(NotificationTarget target) {
        return switch (target.type()) {
            case PAGERDUTY -> "pagerduty " + target.routingKey();
            case SLACK -> "slack " + (target.channel() != null ? target.channel() : target.user());
            case WEBHOOK -> "webhook " + target.url();
        };
    }

    private static String escalated(IncidentEscalatedEvent e) {
        String why = switch (e.trigger()) {
            case OPENED -> "incident opened";
            case REOPENED -> "incident reopened";
            case ACK_TIMEOUT -> "no acknowledgement within the previous level's ack timeout";
            case MANUAL -> "requested by " + e.requestedBy();
            case SEVERITY_RAISED -> "severity raised";
        };
        return "level " + e.level() + " (round " + e.round() + ") of policy " + e.policyId() + " v"
                + e.policyVersion() + (e.afterHours() ? " (after hours)" : "") + " because " + why + "; targets: "
                + e.targets().stream().map(IncidentTimeline::describe).collect(Collectors.joining(", "));
    }

    private static String attempts(int attempts) {
        return attempts + (attempts == 1 ? " attempt" : " attempts");
    }
}
