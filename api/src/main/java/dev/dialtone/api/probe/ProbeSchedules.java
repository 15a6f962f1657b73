package dev.dialtone.api.probe;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import dev.dialtone.api.registry.ConfigurationRegistry;
import dev.dialtone.domain.agent.api.ProbeDefinedEvent;
import dev.dialtone.domain.agent.api.ProbeRemovedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Starts, moves and stops probe tasks in the transaction that records the probe's definition (this handler
 * subscribes with the registry): a defined probe always has its task, a removed one never keeps one. A new interval
 * takes effect from the next slot; a run in progress finishes and then finds the probe gone.
 */
@Component
@ProcessingGroup(ConfigurationRegistry.PROCESSING_GROUP)
public class ProbeSchedules {

    private final Scheduler scheduler;
    private final CustomTask<String> task;
    private final Clock clock = Clock.systemUTC();

    public ProbeSchedules(Scheduler scheduler, @Qualifier("probeTask") CustomTask<String> task) {
        this.scheduler = scheduler;
        this.task = task;
    }

    @EventHandler
    void on(ProbeDefinedEvent event) {
        String key = ProbeRunner.key(event.agentId(), event.probe().probeId());
        Instant first = ProbeGrid.next(key, event.probe().interval(), clock.instant());
        Optional<ScheduledExecution<Object>> existing = scheduler.getScheduledExecution(
                TaskInstanceId.of(ProbeTasks.TASK, key));
        if (existing.isEmpty()) {
            scheduler.schedule(task.instance(key, key), first);
        } else if (!existing.get().isPicked()) {
            scheduler.reschedule(TaskInstanceId.of(ProbeTasks.TASK, key), first);
        }
    }

    @EventHandler
    void on(ProbeRemovedEvent event) {
        String key = ProbeRunner.key(event.agentId(), event.probeId());
        scheduler.getScheduledExecution(TaskInstanceId.of(ProbeTasks.TASK, key))
                .filter(execution -> !execution.isPicked())
                .ifPresent(execution -> scheduler.cancel(TaskInstanceId.of(ProbeTasks.TASK, key)));
    }
}
