package dev.dialtone.api.signal;

import dev.dialtone.api.registry.ConfigurationRegistry;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.signal.api.AgentSignal;
import dev.dialtone.domain.signal.api.SignalIdentity;
import dev.dialtone.domain.tenancy.TenantId;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stores signals as events, exactly once per (tenant, kind, source id).
 * <p>
 * Each signal's event identifier is derived from that triple, and the event table has a unique constraint on it, so
 * the database — not this process's memory — decides what is a duplicate, across restarts and nodes. One duplicate
 * key rolls back the whole batch, so stored identifiers are filtered out before appending whenever the batch may
 * hold any ({@link RecentSignalIds} says which batches to check); if the append still meets a duplicate — stored
 * through another node, or by a concurrent request — it fails as a {@link ConcurrencyException} and is retried
 * after filtering against the new state.
 */
@Service
public class SignalIngestion {

    static final int MAX_ATTEMPTS = 5;
    private static final int RECENT_IDS_PER_GENERATION = 1_000_000;

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final ConfigurationRegistry registry;
    private final Clock clock;
    private final RecentSignalIds recent = new RecentSignalIds(RECENT_IDS_PER_GENERATION);

    public SignalIngestion(EventStore eventStore, JdbcTemplate jdbc, ConfigurationRegistry registry) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.registry = registry;
        this.clock = Clock.systemUTC();
    }

    /**
     * Reports, into the batch, every item whose agent does not belong to {@code tenant}; an agent of another tenant
     * is reported exactly like an agent that does not exist.
     */
    void checkAgents(TenantId tenant, SignalBatch batch) {
        Set<AgentId> agentIds = batch.agentIds().stream().filter(Objects::nonNull).collect(Collectors.toSet());
        Map<AgentId, TenantId> owners = registry.ownersOf(agentIds);
        for (int i = 0; i < batch.agentIds().size(); i++) {
            AgentId agentId = batch.agentIds().get(i);
            if (agentId != null && !tenant.equals(owners.get(agentId))) {
                batch.reject(i, "agentId", "unknown agent '" + agentId + "'; create it with PUT /api/v1/agents/"
                        + agentId);
            }
        }
    }

    /** Appends the new signals in one transaction; returns once they are durably stored. */
    public IngestResult ingest(List<AgentSignal> signals) {
        Map<String, EventMessage<AgentSignal>> unique = new LinkedHashMap<>();
        var now = clock.instant();
        for (AgentSignal signal : signals) {
            String eventId = SignalIdentity.eventIdentifier(signal.tenant(), signal.kind(), signal.signalId());
            unique.putIfAbsent(eventId, new GenericEventMessage<>(eventId, signal, MetaData.emptyInstance(), now));
        }
        boolean checkFirst = recent.mightContainAny(unique.keySet());
        for (int attempt = 1; ; attempt++) {
            Set<String> known = attempt == 1 && !checkFirst ? Set.of() : storedAmong(unique.keySet());
            List<EventMessage<AgentSignal>> fresh = unique.entrySet().stream()
                    .filter(e -> !known.contains(e.getKey()))
                    .map(Map.Entry::getValue)
                    .toList();
            if (fresh.isEmpty()) {
                return new IngestResult(0, signals.size());
            }
            try {
                eventStore.publish(fresh);
                recent.addAll(fresh.stream().map(EventMessage::getIdentifier).toList());
                return new IngestResult(fresh.size(), signals.size() - fresh.size());
            } catch (ConcurrencyException raced) {
                if (attempt == MAX_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private Set<String> storedAmong(Set<String> eventIds) {
        Set<String> stored = new HashSet<>();
        jdbc.query("SELECT eventIdentifier FROM DomainEventEntry WHERE eventIdentifier = ANY (?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", eventIds.toArray())),
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> stored.add(rs.getString(1)));
        return stored;
    }
}
