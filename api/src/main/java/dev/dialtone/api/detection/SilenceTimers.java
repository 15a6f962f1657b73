package dev.dialtone.api.detection;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.detection.api.SilenceCheckDueEvent;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The dead man's switch: a durable db-scheduler timer per agent and due time. When it fires (once, on whichever
 * node picks it up, also after a restart) it does not decide anything: it publishes a {@link SilenceCheckDueEvent},
 * which the detection processor handles in order with the agent's signals.
 */
@Configuration(proxyBeanMethods = false)
public class SilenceTimers {

    static final String TASK = "silence-check";

    @Bean
    public OneTimeTask<String> silenceCheckTask(ObjectProvider<EventStore> events) {
        Clock clock = Clock.systemUTC();
        return Tasks.oneTime(TASK, String.class).execute((instance, context) -> {
            String[] parts = instance.getData().split("\\|", 2);
            AgentId agentId = new AgentId(parts[0]);
            Instant dueAt = Instant.parse(parts[1]);
            String eventId = UUID.nameUUIDFromBytes(("silence-check|" + instance.getId())
                    .getBytes(StandardCharsets.UTF_8)).toString();
            try {
                events.getObject().publish(new GenericEventMessage<>(eventId,
                        new SilenceCheckDueEvent(agentId, dueAt, clock.instant()), MetaData.emptyInstance(),
                        clock.instant()));
            } catch (ConcurrencyException alreadyPublished) {
                // an earlier run of this timer published it and then died before completing: nothing to do
            }
        });
    }

    /** Arms a check of {@code agentId} at {@code dueAt}; joins the caller's transaction. */
    static void arm(SchedulerClient scheduler, OneTimeTask<String> task, AgentId agentId, Instant dueAt) {
        String id = agentId.value() + "@" + dueAt.toEpochMilli();
        scheduler.scheduleIfNotExists(task.instance(id, agentId.value() + "|" + dueAt), dueAt);
    }
}
