package dev.dialtone.api.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialtone.domain.agent.api.AgentConfiguration;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentReconfiguredEvent;
import dev.dialtone.domain.agent.api.AgentRegisteredEvent;
import dev.dialtone.domain.agent.api.MaintenanceCancelledEvent;
import dev.dialtone.domain.agent.api.MaintenanceScheduledEvent;
import dev.dialtone.domain.agent.api.MaintenanceWindow;
import dev.dialtone.domain.agent.api.ProbeDefinedEvent;
import dev.dialtone.domain.agent.api.ProbeDefinition;
import dev.dialtone.domain.agent.api.ProbeRemovedEvent;
import dev.dialtone.domain.escalation.api.EscalationPolicyDefinedEvent;
import dev.dialtone.domain.escalation.api.EscalationPolicyId;
import dev.dialtone.domain.escalation.api.EscalationPolicyRevisedEvent;
import dev.dialtone.domain.escalation.api.PolicyDefinition;
import dev.dialtone.domain.tenancy.TenantId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Current agents and policies, in PostgreSQL tables that a subscribing event handler writes inside the transaction
 * that stores their events: once a PUT is answered, every node sees the change.
 */
@Component
@ProcessingGroup(ConfigurationRegistry.PROCESSING_GROUP)
public class ConfigurationRegistry {

    public static final String PROCESSING_GROUP = "registry";

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;
    /** Agents never change owner, so a known owner can be cached forever; unknown ids are never cached. */
    private final Map<AgentId, TenantId> owners = new ConcurrentHashMap<>();

    public ConfigurationRegistry(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @EventHandler
    void on(AgentRegisteredEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        saveAgent(event.agentId(), event.tenant(), event.version(), event.configuration(), at);
    }

    @EventHandler
    void on(AgentReconfiguredEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        saveAgent(event.agentId(), event.tenant(), event.version(), event.configuration(), at);
    }

    @EventHandler
    void on(EscalationPolicyDefinedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        savePolicy(event.policyId(), event.version(), event.definition(), at);
    }

    @EventHandler
    void on(EscalationPolicyRevisedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        savePolicy(event.policyId(), event.version(), event.definition(), at);
    }

    @EventHandler
    void on(MaintenanceScheduledEvent event) {
        MaintenanceWindow w = event.window();
        jdbc.update("INSERT INTO maintenance_registry (agent_id, window_id, starts_at, ends_at, reason) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (agent_id, window_id) DO UPDATE SET "
                        + "starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, reason = EXCLUDED.reason",
                event.agentId().value(), w.windowId(), Timestamp.from(w.from()), Timestamp.from(w.to()), w.reason());
    }

    @EventHandler
    void on(MaintenanceCancelledEvent event) {
        jdbc.update("DELETE FROM maintenance_registry WHERE agent_id = ? AND window_id = ?",
                event.agentId().value(), event.windowId());
    }

    @EventHandler
    void on(ProbeDefinedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("INSERT INTO probe_registry (agent_id, probe_id, tenant_id, definition, updated_at) "
                        + "VALUES (?, ?, ?, CAST(? AS JSONB), ?) ON CONFLICT (agent_id, probe_id) DO UPDATE SET "
                        + "definition = EXCLUDED.definition, updated_at = EXCLUDED.updated_at",
                event.agentId().value(), event.probe().probeId(), event.tenant().value(), json(event.probe()),
                Timestamp.from(at));
    }

    @EventHandler
    void on(ProbeRemovedEvent event) {
        jdbc.update("DELETE FROM probe_registry WHERE agent_id = ? AND probe_id = ?", event.agentId().value(),
                event.probeId());
    }

    /** The agent's probes, by id. */
    public List<ProbeDefinition> probesOf(AgentId agentId) {
        return jdbc.query("SELECT definition FROM probe_registry WHERE agent_id = ? ORDER BY probe_id",
                (rs, i) -> read(rs.getString(1), ProbeDefinition.class), agentId.value());
    }

    public Optional<ProbeDefinition> findProbe(AgentId agentId, String probeId) {
        return jdbc.query("SELECT definition FROM probe_registry WHERE agent_id = ? AND probe_id = ?",
                (rs, i) -> read(rs.getString(1), ProbeDefinition.class), agentId.value(), probeId).stream()
                .findFirst();
    }

    /** The agent's planned maintenance, earliest first. */
    public List<MaintenanceWindow> maintenanceOf(AgentId agentId) {
        return jdbc.query("SELECT window_id, starts_at, ends_at, reason FROM maintenance_registry "
                        + "WHERE agent_id = ? ORDER BY starts_at, window_id",
                (rs, i) -> new MaintenanceWindow(rs.getString("window_id"), rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant(), rs.getString("reason")), agentId.value());
    }

    public Optional<RegisteredAgent> findAgent(AgentId agentId) {
        return jdbc.query("SELECT agent_id, tenant_id, version, configuration, updated_at FROM agent_registry "
                + "WHERE agent_id = ?", agentRow(), agentId.value()).stream().findFirst();
    }

    /** The agent, if it exists and belongs to {@code tenant}: another tenant's agent is indistinguishable from none. */
    public Optional<RegisteredAgent> findAgent(TenantId tenant, AgentId agentId) {
        return findAgent(agentId).filter(agent -> agent.tenant().equals(tenant));
    }

    public List<RegisteredAgent> agentsOf(TenantId tenant) {
        return jdbc.query("SELECT agent_id, tenant_id, version, configuration, updated_at FROM agent_registry "
                + "WHERE tenant_id = ? ORDER BY agent_id", agentRow(), tenant.value());
    }

    /** The owners of the given agents that exist; absent ids are unknown agents. */
    public Map<AgentId, TenantId> ownersOf(Collection<AgentId> agentIds) {
        Map<AgentId, TenantId> found = new HashMap<>();
        List<String> missing = agentIds.stream().filter(id -> {
            TenantId owner = owners.get(id);
            if (owner != null) {
                found.put(id, owner);
                return false;
            }
            return true;
        }).map(AgentId::value).distinct().toList();
        if (!missing.isEmpty()) {
            jdbc.query("SELECT agent_id, tenant_id FROM agent_registry WHERE agent_id = ANY (?)",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", missing.toArray())),
                    rs -> {
                        AgentId id = new AgentId(rs.getString(1));
                        TenantId owner = new TenantId(rs.getString(2));
                        owners.put(id, owner);
                        found.put(id, owner);
                    });
        }
        return found;
    }

    public Optional<RegisteredPolicy> findPolicy(EscalationPolicyId policyId) {
        return jdbc.query("SELECT tenant_id, policy_id, version, definition, updated_at FROM policy_registry "
                        + "WHERE tenant_id = ? AND policy_id = ?", policyRow(), policyId.tenant().value(),
                policyId.policyId()).stream().findFirst();
    }

    public List<RegisteredPolicy> policiesOf(TenantId tenant) {
        return jdbc.query("SELECT tenant_id, policy_id, version, definition, updated_at FROM policy_registry "
                + "WHERE tenant_id = ? ORDER BY policy_id", policyRow(), tenant.value());
    }

    private void saveAgent(AgentId agentId, TenantId tenant, long version, AgentConfiguration configuration,
                           Instant at) {
        jdbc.update("INSERT INTO agent_registry (agent_id, tenant_id, version, configuration, updated_at) "
                        + "VALUES (?, ?, ?, ?::jsonb, ?) ON CONFLICT (agent_id) DO UPDATE SET "
                        + "version = EXCLUDED.version, configuration = EXCLUDED.configuration, "
                        + "updated_at = EXCLUDED.updated_at WHERE agent_registry.version < EXCLUDED.version",
                agentId.value(), tenant.value(), version, json(configuration), Timestamp.from(at));
    }

    private void savePolicy(EscalationPolicyId policyId, long version, PolicyDefinition definition, Instant at) {
        jdbc.update("INSERT INTO policy_registry (tenant_id, policy_id, version, definition, updated_at) "
                        + "VALUES (?, ?, ?, ?::jsonb, ?) ON CONFLICT (tenant_id, policy_id) DO UPDATE SET "
                        + "version = EXCLUDED.version, definition = EXCLUDED.definition, "
                        + "updated_at = EXCLUDED.updated_at WHERE policy_registry.version < EXCLUDED.version",
                policyId.tenant().value(), policyId.policyId(), version, json(definition), Timestamp.from(at));
    }

    private RowMapper<RegisteredAgent> agentRow() {
        return (rs, i) -> new RegisteredAgent(new AgentId(rs.getString("agent_id")),
                new TenantId(rs.getString("tenant_id")), rs.getLong("version"),
                read(rs.getString("configuration"), AgentConfiguration.class),
                rs.getTimestamp("updated_at").toInstant());
    }

    private RowMapper<RegisteredPolicy> policyRow() {
        return (rs, i) -> new RegisteredPolicy(
                new EscalationPolicyId(new TenantId(rs.getString("tenant_id")), rs.getString("policy_id")),
                rs.getLong("version"), read(rs.getString("definition"), PolicyDefinition.class),
                rs.getTimestamp("updated_at").toInstant());
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt registry row of " + type.getSimpleName(), e);
        }
    }
}
