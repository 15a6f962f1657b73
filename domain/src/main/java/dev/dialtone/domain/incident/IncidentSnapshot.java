package dev.dialtone.domain.incident;

import dev.dialtone.domain.incident.api.Evidence;
import dev.dialtone.domain.incident.api.IncidentAcknowledgedEvent;
import dev.dialtone.domain.incident.api.IncidentEscalatedEvent;
import dev.dialtone.domain.incident.api.IncidentEvidenceAddedEvent;
import dev.dialtone.domain.incident.api.IncidentKind;
import dev.dialtone.domain.incident.api.IncidentOpenedEvent;
import dev.dialtone.domain.incident.api.IncidentReopenedEvent;
import dev.dialtone.domain.incident.api.IncidentResolvedEvent;
import dev.dialtone.domain.incident.api.IncidentSeverityRaisedEvent;
import dev.dialtone.domain.incident.api.IncidentStatus;
import dev.dialtone.domain.incident.api.Severity;
import dev.dialtone.domain.incident.api.SlackChannelOpenedEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An incident as its own events tell it, folded straight from the event store: what a page or a Slack card says must
 * not wait for (or lag behind) the read models.
 */
public record IncidentSnapshot(String incidentId,
                               String tenant,
                               String agentId,
                               int number,
                               IncidentKind kind,
                               Severity severity,
                               IncidentStatus status,
                               String reason,
                               List<Evidence> evidence,
                               Instant startedAt,
                               Instant openedAt,
                               String acknowledgedBy,
                               String resolvedBy,
                               String resolutionNote,
                               int level,
                               int round,
                               String runbookId,
                               String slackChannelId) {

    /** Folds an incident's event payloads, oldest first; empty when they do not start with an opening. */
    public static Optional<IncidentSnapshot> of(List<?> events) {
        Fold fold = new Fold();
        events.forEach(fold::apply);
        return Optional.ofNullable(fold.snapshot());
    }

    private static final class Fold {

        private IncidentOpenedEvent opened;
        private Severity severity;
        private IncidentStatus status;
        private String reason;
        private final List<Evidence> evidence = new ArrayList<>();
        private Instant startedAt;
        private String acknowledgedBy;
        private String resolvedBy;
        private String note;
        private int level;
        private int round;
        private String slackChannelId;

        void apply(Object event) {
            if (event instanceof IncidentOpenedEvent e) {
                opened = e;
                severity = e.severity();
                status = IncidentStatus.OPEN;
                reason = e.reason();
                evidence.addAll(e.evidence());
                startedAt = e.startedAt();
            } else if (event instanceof IncidentReopenedEvent e) {
                severity = e.severity();
                status = IncidentStatus.OPEN;
                reason = e.reason();
                evidence.addAll(e.evidence());
                startedAt = e.startedAt();
                acknowledgedBy = null;
                resolvedBy = null;
                note = null;
                level = 0;
                round = 0;
            } else if (event instanceof IncidentEvidenceAddedEvent e) {
                evidence.addAll(e.evidence());
            } else if (event instanceof IncidentSeverityRaisedEvent e) {
                severity = e.to();
            } else if (event instanceof IncidentAcknowledgedEvent e) {
                status = IncidentStatus.ACKNOWLEDGED;
                acknowledgedBy = e.by();
            } else if (event instanceof IncidentResolvedEvent e) {
                status = IncidentStatus.RESOLVED;
                resolvedBy = e.automatic() ? "recovery" : e.by();
                note = e.note();
            } else if (event instanceof IncidentEscalatedEvent e) {
                level = e.level();
                round = e.round();
            } else if (event instanceof SlackChannelOpenedEvent e) {
                slackChannelId = e.channelId();
            }
        }

        IncidentSnapshot snapshot() {
            if (opened == null) {
                return null;
            }
            return new IncidentSnapshot(opened.incidentId().value(), opened.tenant().value(),
                    opened.agentId().value(), opened.number(), opened.kind(), severity, status, reason,
                    List.copyOf(evidence), startedAt, opened.openedAt(), acknowledgedBy, resolvedBy, note, level,
                    round, opened.runbookId(), slackChannelId);
        }
    }
}
