package dev.dialtone.api.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialtone.domain.agent.api.AgentConfiguration;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.detection.AgentMonitor;
import dev.dialtone.domain.detection.AgentMonitorCodec;
import dev.dialtone.domain.tenancy.TenantId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Each agent's {@link AgentMonitor} in {@code detector_state}. Reads and writes join the detection processor's
 * transaction, so the state committed always matches the processor's committed token. A version number per row lets
 * the processor reuse a monitor it kept in memory, and notice when another node has moved it on.
 */
@Component
class DetectorStateStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    DetectorStateStore(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    Optional<Watched> load(AgentId agentId) {
        return jdbc.query("SELECT tenant_id, configuration, state, version FROM detector_state WHERE agent_id = ?",
                (rs, i) -> {
                    AgentConfiguration configuration = read(rs.getString("configuration"));
                    return new Watched(new TenantId(rs.getString("tenant_id")),
                            AgentMonitorCodec.decode(agentId, configuration, rs.getBytes("state")),
                            rs.getLong("version"));
                }, agentId.value()).stream().findFirst();
    }

    /** The stored version of the agent's state, or -1 if there is none. */
    long version(AgentId agentId) {
        return jdbc.query("SELECT version FROM detector_state WHERE agent_id = ?", (rs, i) -> rs.getLong(1),
                agentId.value()).stream().findFirst().orElse(-1L);
    }

    /** Stores the monitor as version {@code watched.version() + 1}; the configuration only when it changed. */
    Watched save(Watched watched, boolean configurationChanged, Instant at) {
        AgentMonitor monitor = watched.monitor();
        long next = watched.version() + 1;
        if (configurationChanged || watched.version() < 0) {
            jdbc.update("INSERT INTO detector_state (agent_id, tenant_id, configuration, state, updated_at, version) "
                            + "VALUES (?, ?, ?::jsonb, ?, ?, ?) ON CONFLICT (agent_id) DO UPDATE SET "
                            + "configuration = EXCLUDED.configuration, state = EXCLUDED.state, "
                            + "updated_at = EXCLUDED.updated_at, version = EXCLUDED.version",
                    monitor.agentId().value(), watched.tenant().value(), write(monitor.configuration()),
                    AgentMonitorCodec.encode(monitor), Timestamp.from(at), next);
        } else {
            jdbc.update("UPDATE detector_state SET state = ?, updated_at = ?, version = ? WHERE agent_id = ?",
                    AgentMonitorCodec.encode(monitor), Timestamp.from(at), next, monitor.agentId().value());
        }
        return new Watched(watched.tenant(), monitor, next);
    }

    private String write(AgentConfiguration configuration) {
        try {
            return mapper.writeValueAsString(configuration);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize an agent configuration", e);
        }
    }

    private AgentConfiguration read(String json) {
        try {
            return mapper.readValue(json, AgentConfiguration.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt detector configuration", e);
        }
    }

    /** A monitor, the tenant its agent belongs to, and the stored version it was loaded from (-1: new). */
    record Watched(TenantId tenant, AgentMonitor monitor, long version) {
    }
}
