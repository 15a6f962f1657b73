package dev.dialtone.api.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.dialtone.domain.incident.api.FailoverAction;
import dev.dialtone.domain.incident.api.FailoverRequestedEvent;
import dev.dialtone.domain.incident.api.NotificationRequestedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Turns decisions into delivery tasks inside the transaction that records them (a subscribing handler runs in the
 * publisher's unit of work): if the decision commits, so does its delivery; if not, neither does. Once committed,
 * the local scheduler is nudged so the first attempt goes out at once rather than at its next poll.
 * Each target type has its own task: signed webhooks, PagerDuty events, Slack messages.
 */
@Component
@ProcessingGroup(Outbox.PROCESSING_GROUP)
public class Outbox {

    public static final String PROCESSING_GROUP = "outbox";

    private final Scheduler scheduler;
    private final OneTimeTask<String> notifications;
    private final OneTimeTask<String> failovers;
    private final CustomTask<String> pagerDuty;
    private final CustomTask<String> slack;
    private final ObjectMapper mapper;
    private final Clock clock = Clock.systemUTC();

    public Outbox(Scheduler scheduler, @Qualifier("notificationDeliveryTask") OneTimeTask<String> notifications,
                  @Qualifier("failoverDeliveryTask") OneTimeTask<String> failovers,
                  @Qualifier("pagerDutyDeliveryTask") CustomTask<String> pagerDuty,
                  @Qualifier("slackDeliveryTask") CustomTask<String> slack, ObjectMapper mapper) {
        this.scheduler = scheduler;
        this.notifications = notifications;
        this.failovers = failovers;
        this.pagerDuty = pagerDuty;
        this.slack = slack;
        this.mapper = mapper;
    }

    @EventHandler
    void on(NotificationRequestedEvent event, UnitOfWork<?> uow) {
        switch (event.target().type()) {
            case PAGERDUTY -> schedule(pagerDuty, event, event.target().routingKey());
            case SLACK -> schedule(slack, event, event.target().channel() != null ? event.target().channel()
                    : event.target().user());
            case WEBHOOK -> scheduleWebhook(event);
        }
        nudgeAfterCommit(uow);
    }

    private void schedule(CustomTask<String> task, NotificationRequestedEvent event, String address) {
        DeliveryJobs.TargetJob job = new DeliveryJobs.TargetJob(event.notificationId(), event.incidentId().value(),
                event.type().name(), address);
        scheduler.scheduleIfNotExists(task.instance(event.notificationId(), DeliveryJobs.write(mapper, job)),
                clock.instant());
    }

    private void scheduleWebhook(NotificationRequestedEvent event) {
        DeliveryJobs.NotificationJob job = new DeliveryJobs.NotificationJob(event.notificationId(),
                event.incidentId().value(), event.agentId().value(), event.type().name(), event.target().url(),
                event.target().secret(), event.level(), event.round(), event.kind().name(), event.severity().name(),
                event.summary(), event.runbookId());
        scheduler.scheduleIfNotExists(notifications.instance(event.notificationId(),
                DeliveryJobs.write(mapper, job)), clock.instant());
    }

    @EventHandler
    void on(FailoverRequestedEvent event, UnitOfWork<?> uow) {
        if (event.action() == FailoverAction.DEACTIVATE) {
            // an activation still retrying must not land after the deactivation
            for (ScheduledExecution<String> pending : scheduler.getScheduledExecutionsForTask(
                    DeliveryTasks.FAILOVER_TASK, String.class)) {
                DeliveryJobs.FailoverJob job = DeliveryJobs.read(mapper, pending.getData(),
                        DeliveryJobs.FailoverJob.class);
                if (job.incidentId().equals(event.incidentId().value())
                        && FailoverAction.ACTIVATE.name().equals(job.action()) && !pending.isPicked()) {
                    scheduler.cancel(TaskInstanceId.of(DeliveryTasks.FAILOVER_TASK, job.requestId()));
                }
            }
        }
        DeliveryJobs.FailoverJob job = new DeliveryJobs.FailoverJob(event.requestId(), event.incidentId().value(),
                event.agentId().value(), event.action().name(), event.url(), event.backupNumber());
        scheduler.scheduleIfNotExists(failovers.instance(event.requestId(), DeliveryJobs.write(mapper, job)),
                clock.instant());
        nudgeAfterCommit(uow);
    }

    private void nudgeAfterCommit(UnitOfWork<?> uow) {
        uow.root().afterCommit(u -> scheduler.triggerCheckForDueExecutions());
    }
}
