package dev.dialtone.projections.agent;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.dialtone.domain.agent.api.AgentStatusView;
import dev.dialtone.domain.agent.api.FindAgentStatusQuery;
import dev.dialtone.domain.signal.api.AgentSignal;
import dev.dialtone.domain.signal.api.CallDirection;
import dev.dialtone.domain.signal.api.CallOutcome;
import dev.dialtone.domain.signal.api.CallOutcomeRecordedEvent;
import dev.dialtone.domain.signal.api.FailoverActionKind;
import dev.dialtone.domain.signal.api.FailoverActionRecordedEvent;
import dev.dialtone.domain.signal.api.HealthCheckRecordedEvent;
import dev.dialtone.domain.signal.api.HealthStatus;
import dev.dialtone.projections.BatchWrites;
import dev.dialtone.projections.GuardedCounters;
import dev.dialtone.projections.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Keeps {@code agent_status}: per agent, the latest signal of each kind and how many of each arrived. */
@Component
@ProcessingGroup(ProcessingGroups.PROJECTIONS)
public class AgentStatusProjection {

    static final String COLLECTION = "agent_status";
    private static final String BATCH_RESOURCE = AgentStatusBatch.class.getName();

    private final MongoCollection<Document> collection;

    public AgentStatusProjection(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
        GuardedCounters.createGuardIndex(collection).block();
    }

    @EventHandler
    void on(CallOutcomeRecordedEvent event, TrackingToken token) {
        collect(event, token);
    }

    @EventHandler
    void on(HealthCheckRecordedEvent event, TrackingToken token) {
        collect(event, token);
    }

    @EventHandler
    void on(FailoverActionRecordedEvent event, TrackingToken token) {
        collect(event, token);
    }

    @ResetHandler
    void onReset() {
        Mono.from(collection.drop()).block();
        GuardedCounters.createGuardIndex(collection).block();
    }

    @QueryHandler
    public CompletableFuture<AgentStatusView> handle(FindAgentStatusQuery query) {
        return Mono.from(collection.find(Filters.eq("_id", query.agentId().value())).first())
                .map(AgentStatusProjection::toView)
                .defaultIfEmpty(AgentStatusView.empty())
                .toFuture();
    }

    /** Signals are folded per batch and written once, when the batch commits. */
    private void collect(AgentSignal signal, TrackingToken token) {
        long position = token.position().orElseThrow(
                () -> new IllegalStateException("event stream without positions: " + token));
        BatchWrites.of(BATCH_RESOURCE, AgentStatusBatch::new, batch -> batch.flush(collection)).add(position, signal);
    }

    private static AgentStatusView toView(Document doc) {
        Document lastCall = doc.get(AgentStatusBatch.LAST_CALL, Document.class);
        Document lastCheck = doc.get(AgentStatusBatch.LAST_HEALTH_CHECK, Document.class);
        Document lastAction = doc.get(AgentStatusBatch.LAST_FAILOVER_ACTION, Document.class);
        Document calls = doc.get("calls", new Document());
        return new AgentStatusView(
                lastCall == null ? null : new AgentStatusView.LastCall(lastCall.getString("id"),
                        lastCall.getDate("occurredAt").toInstant(),
                        CallDirection.valueOf(lastCall.getString("direction")),
                        CallOutcome.valueOf(lastCall.getString("outcome")), lastCall.getString("reason")),
                lastCheck == null ? null : new AgentStatusView.LastHealthCheck(lastCheck.getString("id"),
                        lastCheck.getDate("occurredAt").toInstant(), lastCheck.getString("check"),
                        HealthStatus.valueOf(lastCheck.getString("status")),
                        lastCheck.get("latencyMs", Number.class) == null ? null
                                : lastCheck.get("latencyMs", Number.class).longValue(),
                        lastCheck.getString("detail")),
                lastAction == null ? null : new AgentStatusView.LastFailoverAction(lastAction.getString("id"),
                        lastAction.getDate("occurredAt").toInstant(),
                        FailoverActionKind.valueOf(lastAction.getString("action")), lastAction.getString("target"),
                        lastAction.getString("initiatedBy")),
                new AgentStatusView.CallCounts(count(calls, "inbound"), count(calls, "outbound"),
                        counts(calls.get("byOutcome", new Document()), CallOutcome.class, CallOutcome::valueOf)),
                counts(doc.get("healthChecks", new Document()), HealthStatus.class, HealthStatus::valueOf),
                counts(doc.get("failoverActions", new Document()), FailoverActionKind.class,
                        FailoverActionKind::valueOf));
    }

    private static long count(Document doc, String field) {
        Number value = doc.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }

    private static <E extends Enum<E>> Map<E, Long> counts(Document doc, Class<E> type, Function<String, E> parse) {
        Map<E, Long> counts = new EnumMap<>(type);
        doc.forEach((key, value) -> counts.put(parse.apply(key), ((Number) value).longValue()));
        return counts;
    }
}
