package dev.dialtone.domain.incident;

import dev.dialtone.domain.ConflictException;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.FailoverTarget;
import dev.dialtone.domain.escalation.api.EscalationLevel;
import dev.dialtone.domain.escalation.api.NotificationTarget;
import dev.dialtone.domain.escalation.api.TargetType;
import dev.dialtone.domain.incident.api.AcknowledgeIncidentCommand;
import dev.dialtone.domain.incident.api.AddIncidentEvidenceCommand;
import dev.dialtone.domain.incident.api.EscalateIncidentCommand;
import dev.dialtone.domain.incident.api.EscalationExhaustedEvent;
import dev.dialtone.domain.incident.api.EscalationPlan;
import dev.dialtone.domain.incident.api.FailoverAction;
import dev.dialtone.domain.incident.api.FailoverAttemptFailedEvent;
import dev.dialtone.domain.incident.api.FailoverRequestedEvent;
import dev.dialtone.domain.incident.api.FailoverSucceededEvent;
import dev.dialtone.domain.incident.api.IncidentAcknowledgedEvent;
import dev.dialtone.domain.incident.api.IncidentEscalatedEvent;
import dev.dialtone.domain.incident.api.IncidentEscalationRequestedEvent;
import dev.dialtone.domain.incident.api.IncidentEvidenceAddedEvent;
import dev.dialtone.domain.incident.api.IncidentId;
import dev.dialtone.domain.incident.api.IncidentKind;
import dev.dialtone.domain.incident.api.IncidentNotFoundException;
import dev.dialtone.domain.incident.api.IncidentOpenedEvent;
import dev.dialtone.domain.incident.api.IncidentRecoveryObservedEvent;
import dev.dialtone.domain.incident.api.IncidentReopenedEvent;
import dev.dialtone.domain.incident.api.IncidentResolvedEvent;
import dev.dialtone.domain.incident.api.IncidentSeverityRaisedEvent;
import dev.dialtone.domain.incident.api.IncidentStatus;
import dev.dialtone.domain.incident.api.IntegrationProblemRecordedEvent;
import dev.dialtone.domain.incident.api.NotificationAttemptFailedEvent;
import dev.dialtone.domain.incident.api.NotificationDeliveredEvent;
import dev.dialtone.domain.incident.api.NotificationRequestedEvent;
import dev.dialtone.domain.incident.api.NotificationType;
import dev.dialtone.domain.incident.api.NotifyEscalationLevelCommand;
import dev.dialtone.domain.incident.api.OpenIncidentCommand;
import dev.dialtone.domain.incident.api.RaiseIncidentSeverityCommand;
import dev.dialtone.domain.incident.api.RecordEscalationExhaustedCommand;
import dev.dialtone.domain.incident.api.RecordFailoverOutcomeCommand;
import dev.dialtone.domain.incident.api.RecordIntegrationProblemCommand;
import dev.dialtone.domain.incident.api.RecordNotificationAttemptFailedCommand;
import dev.dialtone.domain.incident.api.RecordNotificationDeliveredCommand;
import dev.dialtone.domain.incident.api.RecordRecoveryCommand;
import dev.dialtone.domain.incident.api.RecordSlackChannelCommand;
import dev.dialtone.domain.incident.api.ReopenIncidentCommand;
import dev.dialtone.domain.incident.api.RequestFailoverCommand;
import dev.dialtone.domain.incident.api.ResolveIncidentCommand;
import dev.dialtone.domain.incident.api.Severity;
import dev.dialtone.domain.incident.api.SlackChannelOpenedEvent;
import dev.dialtone.domain.tenancy.TenantId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One incident's life: opened by detection, walked up its ladder by the escalation saga, acknowledged and resolved
 * by people or by recovery. Commands from detection and sagas are lenient (a late one is a no-op, never an error),
 * because failing them would stall the processor that sent them; commands from people fail with a reason.
 */
@Aggregate
public class Incident {

    @AggregateIdentifier
    private IncidentId incidentId;
    private TenantId tenant;
    private AgentId agentId;
    private IncidentKind kind;
    private Severity severity;
    private IncidentStatus status;
    private String acknowledgedBy;
    private String reason;
    private String runbookId;
    private EscalationPlan escalation;
    private FailoverTarget failover;
    private boolean failoverActive;
    private int level;
    private int round;
    private int notifications;
    private int failoverRequests;
    private String slackChannel;
    private final Set<NotificationTarget> paged = new LinkedHashSet<>();
    private final Set<String> undelivered = new HashSet<>();
    private final Map<String, FailoverAction> pendingFailovers = new HashMap<>();

    protected Incident() {
        // for Axon
    }

    @CommandHandler
    public Incident(OpenIncidentCommand command) {
        apply(new IncidentOpenedEvent(command.incidentId(), command.tenant(), command.agentId(), command.number(),
                command.kind(), command.severity(), command.detectedAt(), command.startedAt(), command.at(),
                command.evidence(), command.reason(), command.runbookId(), command.escalation(), command.failover()));
    }

    @CommandHandler
    public void handle(ReopenIncidentCommand command) {
        if (status != IncidentStatus.RESOLVED) {
            return;
        }
        apply(new IncidentReopenedEvent(incidentId, tenant, agentId, kind, command.severity(), command.detectedAt(),
                command.startedAt(), command.at(), command.evidence(), command.reason(), command.escalation(),
                command.failover()));
    }

    @CommandHandler
    public void handle(AddIncidentEvidenceCommand command) {
        if (status != IncidentStatus.RESOLVED && !command.evidence().isEmpty()) {
            apply(new IncidentEvidenceAddedEvent(incidentId, agentId, command.evidence(), command.at()));
        }
    }

    @CommandHandler
    public void handle(RaiseIncidentSeverityCommand command) {
        if (status != IncidentStatus.RESOLVED && command.severity().compareTo(severity) < 0) {
            apply(new IncidentSeverityRaisedEvent(incidentId, agentId, severity, command.severity(), command.reason(),
                    command.at()));
        }
    }

    @CommandHandler
    public void handle(RecordRecoveryCommand command) {
        if (status != IncidentStatus.RESOLVED) {
            apply(new IncidentRecoveryObservedEvent(incidentId, agentId, command.recoveredAt(), command.at()));
        }
    }

    @CommandHandler
    public void handle(AcknowledgeIncidentCommand command) {
        requireVisibleTo(command.tenant());
        if (status == IncidentStatus.RESOLVED) {
            throw new ConflictException("incident " + incidentId + " is already resolved");
        }
        if (status == IncidentStatus.ACKNOWLEDGED) {
            throw new ConflictException("incident " + incidentId + " was already acknowledged by "
                    + acknowledgedBy);
        }
        apply(new IncidentAcknowledgedEvent(incidentId, tenant, agentId, command.by(), command.at()));
        tellPaged(NotificationType.ACKNOWLEDGED, "acknowledged by " + command.by(), command.at());
    }

    @CommandHandler
    public void handle(ResolveIncidentCommand command) {
        requireVisibleTo(command.tenant());
        if (status == IncidentStatus.RESOLVED) {
            if (command.automatic()) {
                return;
            }
            throw new ConflictException("incident " + incidentId + " is already resolved");
        }
        apply(new IncidentResolvedEvent(incidentId, tenant, agentId, kind, command.by(), command.note(),
                command.automatic(), command.recoveredAt(), command.at()));
        tellPaged(NotificationType.RESOLVED, command.automatic() ? "recovered" : "resolved by " + command.by(),
                command.at());
    }

    @CommandHandler
    public void handle(EscalateIncidentCommand command) {
        requireVisibleTo(command.tenant());
        if (status == IncidentStatus.RESOLVED) {
            throw new ConflictException("incident " + incidentId + " is already resolved");
        }
        if (escalation == null) {
            throw new ConflictException("agent " + agentId + " has no escalation policy to escalate along");
        }
        apply(new IncidentEscalationRequestedEvent(incidentId, agentId, command.by(), command.reason(),
                command.at()));
    }

    @CommandHandler
    public void handle(NotifyEscalationLevelCommand command) {
        if (status == IncidentStatus.RESOLVED || escalation == null
                || command.level() < 1 || command.level() > escalation.definition().levels().size()) {
            return;
        }
        EscalationLevel level = escalation.definition().levels().get(command.level() - 1);
        // a ticket goes to Slack only: it must never wake anyone
        List<NotificationTarget> targets = severity == Severity.INFO
                ? level.targets().stream().filter(t -> t.type() == TargetType.SLACK).toList()
                : level.targets();
        apply(new IncidentEscalatedEvent(incidentId, agentId, command.level(), command.round(),
                escalation.policyId(), escalation.policyVersion(), escalation.afterHours(), targets,
                command.trigger(), command.requestedBy(), command.at()));
        for (NotificationTarget target : targets) {
            apply(new NotificationRequestedEvent(nextNotificationId(), incidentId, tenant, agentId,
                    NotificationType.PAGE, target, command.level(), command.round(), kind, severity, reason,
                    runbookId, command.at()));
        }
    }

    @CommandHandler
    public void handle(RecordEscalationExhaustedCommand command) {
        if (status != IncidentStatus.RESOLVED) {
            apply(new EscalationExhaustedEvent(incidentId, agentId, command.rounds(), command.at()));
        }
    }

    @CommandHandler
    public void handle(RecordNotificationDeliveredCommand command) {
        if (undelivered.contains(command.notificationId())) {
            apply(new NotificationDeliveredEvent(command.notificationId(), incidentId, agentId, command.attempts(),
                    command.detail(), command.at()));
        }
    }

    @CommandHandler
    public void handle(RecordNotificationAttemptFailedCommand command) {
        if (undelivered.contains(command.notificationId())) {
            apply(new NotificationAttemptFailedEvent(command.notificationId(), incidentId, agentId,
                    command.attempt(), command.error(), command.nextAttemptAt(), command.at()));
        }
    }

    @CommandHandler
    public void handle(RecordSlackChannelCommand command) {
        if (slackChannel == null) {
            apply(new SlackChannelOpenedEvent(incidentId, agentId, command.channelId(), command.channelName(),
                    command.at()));
        }
    }

    @CommandHandler
    public void handle(RecordIntegrationProblemCommand command) {
        apply(new IntegrationProblemRecordedEvent(incidentId, agentId, command.integration(), command.error(),
                command.nextAttemptAt(), command.at()));
    }

    @CommandHandler
    public void handle(RequestFailoverCommand command) {
        boolean activate = command.action() == FailoverAction.ACTIVATE;
        if (failover == null || activate == failoverActive) {
            return;
        }
        apply(new FailoverRequestedEvent(incidentId + "/failover-" + (failoverRequests + 1), incidentId, tenant,
                agentId, command.action(), failover.url(), failover.backupNumber(), command.at()));
    }

    @CommandHandler
    public void handle(RecordFailoverOutcomeCommand command) {
        if (pendingFailovers.get(command.requestId()) != command.action()) {
            return;
        }
        if (command.succeeded()) {
            apply(new FailoverSucceededEvent(command.requestId(), incidentId, agentId, command.action(),
                    command.attempt(), command.detail(), command.at()));
        } else {
            apply(new FailoverAttemptFailedEvent(command.requestId(), incidentId, agentId, command.action(),
                    command.attempt(), command.detail(), command.nextAttemptAt(), command.at()));
        }
    }

    private void tellPaged(NotificationType type, String what, Instant at) {
        for (NotificationTarget target : List.copyOf(paged)) {
            apply(new NotificationRequestedEvent(nextNotificationId(), incidentId, tenant, agentId, type, target,
                    level, round,
                    kind, severity, reason + " - " + what, runbookId, at));
        }
    }

    private String nextNotificationId() {
        return incidentId + "/n" + (notifications + 1);
    }

    private void requireVisibleTo(TenantId caller) {
        if (caller != null && !caller.equals(tenant)) {
            throw new IncidentNotFoundException(incidentId);
        }
    }

    @EventSourcingHandler
    void on(IncidentOpenedEvent event) {
        incidentId = event.incidentId();
        tenant = event.tenant();
        agentId = event.agentId();
        kind = event.kind();
        severity = event.severity();
        status = IncidentStatus.OPEN;
        reason = event.reason();
        runbookId = event.runbookId();
        escalation = event.escalation();
        failover = event.failover();
    }

    @EventSourcingHandler
    void on(IncidentReopenedEvent event) {
        status = IncidentStatus.OPEN;
        severity = event.severity();
        reason = event.reason();
        escalation = event.escalation();
        failover = event.failover();
        acknowledgedBy = null;
        paged.clear();
    }

    @EventSourcingHandler
    void on(IncidentEscalatedEvent event) {
        level = event.level();
        round = event.round();
    }

    @EventSourcingHandler
    void on(IncidentSeverityRaisedEvent event) {
        severity = event.to();
    }

    @EventSourcingHandler
    void on(IncidentAcknowledgedEvent event) {
        status = IncidentStatus.ACKNOWLEDGED;
        acknowledgedBy = event.by();
    }

    @EventSourcingHandler
    void on(IncidentResolvedEvent event) {
        status = IncidentStatus.RESOLVED;
    }

    @EventSourcingHandler
    void on(NotificationRequestedEvent event) {
        notifications++;
        undelivered.add(event.notificationId());
        if (event.type() == NotificationType.PAGE) {
            paged.add(event.target());
        }
    }

    @EventSourcingHandler
    void on(NotificationDeliveredEvent event) {
        undelivered.remove(event.notificationId());
    }

    @EventSourcingHandler
    void on(SlackChannelOpenedEvent event) {
        slackChannel = event.channelId();
    }

    @EventSourcingHandler
    void on(FailoverRequestedEvent event) {
        failoverRequests++;
        failoverActive = event.action() == FailoverAction.ACTIVATE;
        pendingFailovers.put(event.requestId(), event.action());
    }

    @EventSourcingHandler
    void on(FailoverSucceededEvent event) {
        pendingFailovers.remove(event.requestId());
    }
}
