package dev.dialtone.domain.agent;

import dev.dialtone.domain.agent.api.AgentClaimedByAnotherTenantException;
import dev.dialtone.domain.agent.api.AgentConfiguration;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentReconfiguredEvent;
import dev.dialtone.domain.agent.api.AgentRegisteredEvent;
import dev.dialtone.domain.agent.api.CancelMaintenanceCommand;
import dev.dialtone.domain.agent.api.DefineProbeCommand;
import dev.dialtone.domain.agent.api.ProbeDefinedEvent;
import dev.dialtone.domain.agent.api.ProbeDefinition;
import dev.dialtone.domain.agent.api.ProbeRemovedEvent;
import dev.dialtone.domain.agent.api.RemoveProbeCommand;
import dev.dialtone.domain.agent.api.UnknownProbeException;
import dev.dialtone.domain.agent.api.ConfigureAgentCommand;
import dev.dialtone.domain.agent.api.MaintenanceCancelledEvent;
import dev.dialtone.domain.agent.api.MaintenanceScheduledEvent;
import dev.dialtone.domain.agent.api.MaintenanceWindow;
import dev.dialtone.domain.agent.api.ScheduleMaintenanceCommand;
import dev.dialtone.domain.agent.api.UnknownAgentException;
import dev.dialtone.domain.agent.api.UnknownMaintenanceWindowException;
import dev.dialtone.domain.tenancy.TenantId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An agent line's configuration and maintenance plans; one tenant owns it for life. */
@Aggregate
public class Agent {

    @AggregateIdentifier
    private AgentId agentId;
    private TenantId tenant;
    private AgentConfiguration configuration;
    private long version;
    private final Map<String, MaintenanceWindow> maintenance = new HashMap<>();
    private final Map<String, ProbeDefinition> probes = new HashMap<>();

    protected Agent() {
        // for Axon
    }

    /** Returns the configuration version in force after the command. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ConfigureAgentCommand command) {
        if (tenant == null) {
            apply(new AgentRegisteredEvent(command.agentId(), command.tenant(), command.configuration(), 1));
        } else if (!tenant.equals(command.tenant())) {
            throw new AgentClaimedByAnotherTenantException(command.agentId());
        } else if (!configuration.equals(command.configuration())) {
            apply(new AgentReconfiguredEvent(agentId, tenant, command.configuration(), version + 1));
        }
        return version;
    }

    @CommandHandler
    public void handle(ScheduleMaintenanceCommand command) {
        requireOwner(command.tenant());
        MaintenanceWindow existing = maintenance.get(command.window().windowId());
        if (!command.window().equals(existing)) {
            apply(new MaintenanceScheduledEvent(agentId, command.window()));
        }
    }

    @CommandHandler
    public void handle(CancelMaintenanceCommand command) {
        requireOwner(command.tenant());
        if (!maintenance.containsKey(command.windowId())) {
            throw new UnknownMaintenanceWindowException(agentId, command.windowId());
        }
        apply(new MaintenanceCancelledEvent(agentId, command.windowId()));
    }

    /** Returns whether the probe is new. */
    @CommandHandler
    public boolean handle(DefineProbeCommand command) {
        requireOwner(command.tenant());
        ProbeDefinition existing = probes.get(command.probe().probeId());
        if (!command.probe().equals(existing)) {
            apply(new ProbeDefinedEvent(agentId, tenant, command.probe()));
        }
        return existing == null;
    }

    @CommandHandler
    public void handle(RemoveProbeCommand command) {
        requireOwner(command.tenant());
        if (!probes.containsKey(command.probeId())) {
            throw new UnknownProbeException(agentId, command.probeId());
        }
        apply(new ProbeRemovedEvent(agentId, tenant, command.probeId()));
    }

    private void requireOwner(TenantId caller) {
        if (!tenant.equals(caller)) {
            throw new UnknownAgentException(agentId);
        }
    }

    @EventSourcingHandler
    void on(AgentRegisteredEvent event) {
        agentId = event.agentId();
        tenant = event.tenant();
        configuration = event.configuration();
        version = event.version();
    }

    @EventSourcingHandler
    void on(AgentReconfiguredEvent event) {
        configuration = event.configuration();
        version = event.version();
    }

    @EventSourcingHandler
    void on(MaintenanceScheduledEvent event) {
        maintenance.put(event.window().windowId(), event.window());
    }

    @EventSourcingHandler
    void on(MaintenanceCancelledEvent event) {
        maintenance.remove(event.windowId());
    }

    @EventSourcingHandler
    void on(ProbeDefinedEvent event) {
        probes.put(event.probe().probeId(), event.probe());
    }

    @EventSourcingHandler
    void on(ProbeRemovedEvent event) {
        probes.remove(event.probeId());
    }
}
