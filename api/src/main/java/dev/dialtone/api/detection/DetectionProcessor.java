package dev.dialtone.api.detection;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.dialtone.domain.agent.api.AgentConfiguration;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentReconfiguredEvent;
import dev.dialtone.domain.agent.api.AgentRegisteredEvent;
import dev.dialtone.domain.agent.api.MaintenanceCancelledEvent;
import dev.dialtone.domain.agent.api.MaintenanceScheduledEvent;
import dev.dialtone.domain.detection.AgentMonitor;
import dev.dialtone.domain.detection.Decision;
import dev.dialtone.domain.detection.api.SilenceCheckDueEvent;
import dev.dialtone.domain.incident.RunbookChoice;
import dev.dialtone.domain.incident.api.AddIncidentEvidenceCommand;
import dev.dialtone.domain.incident.api.EscalationPlan;
import dev.dialtone.domain.incident.api.IncidentId;
import dev.dialtone.domain.incident.api.IncidentResolvedEvent;
import dev.dialtone.domain.incident.api.OpenIncidentCommand;
import dev.dialtone.domain.incident.api.RaiseIncidentSeverityCommand;
import dev.dialtone.domain.incident.api.RecordRecoveryCommand;
import dev.dialtone.domain.incident.api.ReopenIncidentCommand;
import dev.dialtone.domain.incident.api.ResolveIncidentCommand;
import dev.dialtone.domain.signal.api.CallOutcomeRecordedEvent;
import dev.dialtone.domain.signal.api.FailoverActionRecordedEvent;
import dev.dialtone.domain.signal.api.HealthCheckRecordedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Feeds every agent's facts to its {@link AgentMonitor} and carries out what it decides, as commands to the
 * {@code Incident} aggregate.
 * <p>
 * Exactly once, without coordination: the processor sequences by agent, so one thread on one node owns an agent
 * at a time; the monitors it changed, the incident events its commands produce, the silence timers it arms and the
 * processor's token are all committed in one PostgreSQL transaction at the end of each batch. A crash before that
 * commit replays the batch from the old state and decides the same again; a crash after it has nothing to redo.
 * <p>
 * Monitors stay in memory between batches; a batch reuses one only if its stored version is still the one this
 * node wrote (another node may have processed the agent meanwhile), and forgets every monitor it touched if it rolls
 * back.
 */
@Component
@ProcessingGroup(DetectionProcessor.PROCESSING_GROUP)
public class DetectionProcessor {

    public static final String PROCESSING_GROUP = "detection";
    private static final String BATCH = DetectionProcessor.class.getName() + ".batch";

    private final DetectorStateStore store;
    private final EscalationPlans plans;
    private final CommandGateway commands;
    private final SchedulerClient scheduler;
    private final OneTimeTask<String> silenceCheck;
    private final Clock clock = Clock.systemUTC();
    private final Map<AgentId, DetectorStateStore.Watched> cache = new ConcurrentHashMap<>();

    public DetectionProcessor(DetectorStateStore store, EscalationPlans plans, CommandGateway commands,
                              SchedulerClient scheduler, OneTimeTask<String> silenceCheckTask) {
        this.store = store;
        this.plans = plans;
        this.commands = commands;
        this.scheduler = scheduler;
        this.silenceCheck = silenceCheckTask;
    }

    @EventHandler
    void on(AgentRegisteredEvent event, @Timestamp Instant at, UnitOfWork<?> uow) {
        Batch batch = batch(uow);
        long stored = store.version(event.agentId());
        DetectorStateStore.Watched watched = new DetectorStateStore.Watched(event.tenant(),
                new AgentMonitor(event.agentId(), event.configuration(), at), stored);
        batch.watching.put(event.agentId(), Optional.of(watched));
        batch.configured.add(event.agentId());
        execute(watched, watched.monitor().start());
    }

    @EventHandler
    void on(AgentReconfiguredEvent event, UnitOfWork<?> uow) {
        batch(uow).configured.add(event.agentId());
        with(event.agentId(), uow, monitor -> monitor.reconfigure(event.configuration()));
    }

    @EventHandler
    void on(MaintenanceScheduledEvent event, UnitOfWork<?> uow) {
        with(event.agentId(), uow, monitor -> {
            monitor.scheduleMaintenance(event.window());
            return List.of();
        });
    }

    @EventHandler
    void on(MaintenanceCancelledEvent event, UnitOfWork<?> uow) {
        with(event.agentId(), uow, monitor -> {
            monitor.cancelMaintenance(event.windowId());
            return List.of();
        });
    }

    @EventHandler
    void on(CallOutcomeRecordedEvent event, UnitOfWork<?> uow) {
        with(event.agentId(), uow, monitor -> monitor.onCall(event));
    }

    @EventHandler
    void on(HealthCheckRecordedEvent event, UnitOfWork<?> uow) {
        with(event.agentId(), uow, monitor -> monitor.onHealthCheck(event));
    }

    @EventHandler
    void on(FailoverActionRecordedEvent event, UnitOfWork<?> uow) {
        with(event.agentId(), uow, monitor -> monitor.onFailoverAction(event));
    }

    @EventHandler
    void on(SilenceCheckDueEvent event, UnitOfWork<?> uow) {
        with(event.agentId(), uow, monitor -> monitor.onSilenceCheck(event.dueAt(), event.at()));
    }

    /** Only a person's resolution is news to the monitor: automatic ones are its own decisions. */
    @EventHandler
    void on(IncidentResolvedEvent event, UnitOfWork<?> uow) {
        if (!event.automatic()) {
            with(event.agentId(), uow, monitor -> monitor.onIncidentResolved(event.incidentId().value(),
                    event.resolvedAt()));
        }
    }

    private void with(AgentId agentId, UnitOfWork<?> uow, Function<AgentMonitor, List<Decision>> fact) {
        Batch batch = batch(uow);
        batch.watching.computeIfAbsent(agentId, this::load).ifPresent(watched ->
                execute(watched, fact.apply(watched.monitor())));
    }

    private void execute(DetectorStateStore.Watched watched, List<Decision> decisions) {
        AgentMonitor monitor = watched.monitor();
        AgentConfiguration configuration = monitor.configuration();
        Instant now = clock.instant();
        for (Decision decision : decisions) {
            if (decision instanceof Decision.Open open) {
                EscalationPlan plan = plans.planFor(watched.tenant(), configuration, now);
                commands.sendAndWait(new OpenIncidentCommand(new IncidentId(open.incidentId()), watched.tenant(),
                        monitor.agentId(), open.number(), open.kind(), open.severity(), open.detectedAt(),
                        open.startedAt(), open.evidence(), open.reason(),
                        RunbookChoice.runbookId(open.kind(), open.evidence()), plan,
                        configuration.failover(), now));
            } else if (decision instanceof Decision.Reopen reopen) {
                commands.sendAndWait(new ReopenIncidentCommand(new IncidentId(reopen.incidentId()), reopen.severity(),
                        reopen.detectedAt(), reopen.startedAt(), reopen.evidence(), reopen.reason(),
                        plans.planFor(watched.tenant(), configuration, now), configuration.failover(), now));
            } else if (decision instanceof Decision.AddEvidence add) {
                commands.sendAndWait(new AddIncidentEvidenceCommand(new IncidentId(add.incidentId()), add.evidence(),
                        now));
            } else if (decision instanceof Decision.RaiseSeverity raise) {
                commands.sendAndWait(new RaiseIncidentSeverityCommand(new IncidentId(raise.incidentId()),
                        raise.severity(), raise.reason(), now));
            } else if (decision instanceof Decision.Recover recover) {
                IncidentId id = new IncidentId(recover.incidentId());
                commands.sendAndWait(recover.autoResolve()
                        ? new ResolveIncidentCommand(id, null, "detection", null, true, recover.recoveredAt(), now)
                        : new RecordRecoveryCommand(id, recover.recoveredAt(), now));
            } else if (decision instanceof Decision.ArmSilenceCheck arm) {
                SilenceTimers.arm(scheduler, silenceCheck, monitor.agentId(), arm.dueAt());
            }
        }
    }

    /** The cached monitor if the stored state is still the version this node wrote, otherwise the stored one. */
    private Optional<DetectorStateStore.Watched> load(AgentId agentId) {
        DetectorStateStore.Watched cached = cache.remove(agentId);
        if (cached != null && store.version(agentId) == cached.version()) {
            return Optional.of(cached);
        }
        return store.load(agentId);
    }

    /** The monitors touched by one processor batch: loaded once, saved once when the batch commits. */
    private Batch batch(UnitOfWork<?> uow) {
        UnitOfWork<?> root = uow.root();
        return root.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            root.onPrepareCommit(u -> {
                Instant now = clock.instant();
                batch.watching.replaceAll((agentId, watched) -> watched.map(w ->
                        store.save(w, batch.configured.contains(agentId), now)));
            });
            root.afterCommit(u -> batch.watching.forEach((agentId, watched) -> watched.ifPresent(
                    w -> cache.put(agentId, w))));
            // monitors taken out of the cache were changed in memory: after a rollback they must be reloaded
            return batch;
        });
    }

    private static final class Batch {
        final Map<AgentId, Optional<DetectorStateStore.Watched>> watching = new HashMap<>();
        final Set<AgentId> configured = new HashSet<>();
    }
}
