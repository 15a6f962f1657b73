package dev.dialtone.api.slack;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import dev.dialtone.api.config.DialtoneProperties;
import dev.dialtone.api.delivery.Outbox;
import dev.dialtone.domain.incident.Incident;
import dev.dialtone.domain.incident.api.IntegrationProblemRecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Every incident event schedules a {@link SlackSync} run for its incident, in the transaction that stores the event
 * (this handler subscribes, like the {@link Outbox}): what is stored reaches Slack, even across a crash. Slack's own
 * failures are not synced, or a Slack outage would feed itself.
 */
@Component
@ProcessingGroup(Outbox.PROCESSING_GROUP)
public class SlackOutbox {

    private static final String INCIDENT = Incident.class.getSimpleName();

    private final Scheduler scheduler;
    private final CustomTask<String> sync;
    private final boolean enabled;
    private final Clock clock = Clock.systemUTC();

    public SlackOutbox(Scheduler scheduler, @Qualifier("slackSyncTask") CustomTask<String> sync,
                       DialtoneProperties properties) {
        this.scheduler = scheduler;
        this.sync = sync;
        this.enabled = properties.slack().botConfigured();
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event, UnitOfWork<?> uow) {
        if (!enabled || !INCIDENT.equals(event.getType())
                || payload instanceof IntegrationProblemRecordedEvent problem
                && SlackCards.SLACK.equals(problem.integration())) {
            return;
        }
        String incidentId = event.getAggregateIdentifier();
        scheduler.scheduleIfNotExists(sync.instance(incidentId + "@" + event.getSequenceNumber(), incidentId),
                clock.instant());
        uow.root().afterCommit(u -> scheduler.triggerCheckForDueExecutions());
    }
}
