package dev.dialtone.domain.escalation;

import dev.dialtone.domain.escalation.api.EscalationLevel;
import dev.dialtone.domain.incident.api.EscalateIncidentCommand;
import dev.dialtone.domain.incident.api.EscalationPlan;
import dev.dialtone.domain.incident.api.EscalationTrigger;
import dev.dialtone.domain.incident.api.IncidentAcknowledgedEvent;
import dev.dialtone.domain.incident.api.IncidentEscalationRequestedEvent;
import dev.dialtone.domain.incident.api.IncidentId;
import dev.dialtone.domain.incident.api.IncidentOpenedEvent;
import dev.dialtone.domain.incident.api.IncidentReopenedEvent;
import dev.dialtone.domain.incident.api.IncidentResolvedEvent;
import dev.dialtone.domain.incident.api.IncidentSeverityRaisedEvent;
import dev.dialtone.domain.incident.api.NotifyEscalationLevelCommand;
import dev.dialtone.domain.incident.api.RecordEscalationExhaustedCommand;
import dev.dialtone.domain.incident.api.Severity;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks an incident up its escalation ladder: level 1 when it opens, the next level each time an ack timeout passes
 * unacknowledged, the whole ladder again {@code repeat} times, then it records that the ladder is exhausted. An
 * acknowledgement stops the clock; a responder may still ask for the next level; resolution ends the saga.
 * <p>
 * The saga decides and the incident records: each step is a command whose event names the policy version, level,
 * round, targets, trigger and time. The ladder (its ack timeouts and repeat count) is copied from the plan the
 * incident opened with, so a policy edited mid-incident changes nothing here. A ticket (severity INFO) posts to the
 * first level's Slack targets and does not climb, unless it is raised to a page.
 */
@Saga
public class EscalationSaga {

    static final String INCIDENT = "incidentId";
    static final String ACK_TIMEOUT = "ack-timeout";

    private String incidentId;
    private List<Duration> ackTimeouts;
    private int repeat;
    private int level;
    private int round;
    private boolean acknowledged;
    private boolean climbing;
    private String deadlineId;

    public EscalationSaga() {
        // for Axon
    }

    @StartSaga
    @SagaEventHandler(associationProperty = INCIDENT)
    public void on(IncidentOpenedEvent event, CommandGateway commands, DeadlineManager deadlines) {
        start(event.incidentId(), event.escalation(), event.severity(), EscalationTrigger.OPENED, event.openedAt(),
                commands, deadlines);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = INCIDENT)
    public void on(IncidentReopenedEvent event, CommandGateway commands, DeadlineManager deadlines) {
        cancelTimeout(deadlines);
        start(event.incidentId(), event.escalation(), event.severity(), EscalationTrigger.REOPENED,
                event.reopenedAt(), commands, deadlines);
    }

    @SagaEventHandler(associationProperty = INCIDENT)
    public void on(IncidentSeverityRaisedEvent event, CommandGateway commands, DeadlineManager deadlines) {
        if (!climbing && event.to().compareTo(Severity.INFO) < 0) {
            climbing = true;
            notifyLevel(1, 1, EscalationTrigger.SEVERITY_RAISED, null, event.at(), commands, deadlines);
        }
    }

    @DeadlineHandler(deadlineName = ACK_TIMEOUT)
    public void onAckTimeout(AckTimeout timeout, @Timestamp Instant now, CommandGateway commands,
                             DeadlineManager deadlines) {
        if (acknowledged || timeout.level() != level || timeout.round() != round) {
            return;
        }
        deadlineId = null;
        climb(EscalationTrigger.ACK_TIMEOUT, null, now, false, commands, deadlines);
    }

    @SagaEventHandler(associationProperty = INCIDENT)
    public void on(IncidentAcknowledgedEvent event, DeadlineManager deadlines) {
        acknowledged = true;
        cancelTimeout(deadlines);
    }

    @SagaEventHandler(associationProperty = INCIDENT)
    public void on(IncidentEscalationRequestedEvent event, CommandGateway commands, DeadlineManager deadlines) {
        cancelTimeout(deadlines);
        climbing = true;
        climb(EscalationTrigger.MANUAL, event.by(), event.at(), true, commands, deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = INCIDENT)
    public void on(IncidentResolvedEvent event, DeadlineManager deadlines) {
        cancelTimeout(deadlines);
    }

    private void start(IncidentId id, EscalationPlan plan, Severity severity, EscalationTrigger trigger, Instant at,
                       CommandGateway commands, DeadlineManager deadlines) {
        incidentId = id.value();
        if (plan == null) {
            SagaLifecycle.end();
            return;
        }
        ackTimeouts = new ArrayList<>(plan.definition().levels().stream().map(EscalationLevel::ackTimeout).toList());
        repeat = plan.definition().repeat();
        acknowledged = false;
        climbing = severity != Severity.INFO;
        notifyLevel(1, 1, trigger, null, at, commands, deadlines);
    }

    /** The next level, or the first level of the next round; a person may go past the last round. */
    private void climb(EscalationTrigger trigger, String by, Instant at, boolean requested, CommandGateway commands,
                       DeadlineManager deadlines) {
        if (level < ackTimeouts.size()) {
            notifyLevel(level + 1, round, trigger, by, at, commands, deadlines);
        } else if (round <= repeat || requested) {
            notifyLevel(1, round + 1, trigger, by, at, commands, deadlines);
        } else {
            commands.send(new RecordEscalationExhaustedCommand(new IncidentId(incidentId), round, at));
        }
    }

    private void notifyLevel(int newLevel, int newRound, EscalationTrigger trigger, String by, Instant at,
                             CommandGateway commands, DeadlineManager deadlines) {
        level = newLevel;
        round = newRound;
        commands.send(new NotifyEscalationLevelCommand(new IncidentId(incidentId), level, round, trigger, by, at));
        if (climbing && !acknowledged) {
            deadlineId = deadlines.schedule(ackTimeouts.get(level - 1), ACK_TIMEOUT, new AckTimeout(level, round));
        }
    }

    private void cancelTimeout(DeadlineManager deadlines) {
        if (deadlineId != null) {
            deadlines.cancelSchedule(ACK_TIMEOUT, deadlineId);
            deadlineId = null;
        }
    }
}
