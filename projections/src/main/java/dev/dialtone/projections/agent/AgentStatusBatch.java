package dev.dialtone.projections.agent;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import dev.dialtone.domain.signal.api.AgentSignal;
import dev.dialtone.domain.signal.api.CallOutcomeRecordedEvent;
import dev.dialtone.domain.signal.api.FailoverActionRecordedEvent;
import dev.dialtone.domain.signal.api.HealthCheckRecordedEvent;
import dev.dialtone.projections.GuardedCounters;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The signals of one processor batch, folded into one conditional update per agent. Each agent document remembers
 * the highest event position applied to it ({@code appliedIndex}); a batch that is redelivered after a crash skips
 * what was already applied, so the {@code $inc} counters stay exact without transactions.
 */
final class AgentStatusBatch {

    static final String APPLIED_INDEX = "appliedIndex";
    static final String LAST_CALL = "lastCall";
    static final String LAST_HEALTH_CHECK = "lastHealthCheck";
    static final String LAST_FAILOVER_ACTION = "lastFailoverAction";

    private final Map<String, List<Positioned>> byAgent = new LinkedHashMap<>();

    void add(long position, AgentSignal signal) {
        byAgent.computeIfAbsent(signal.agentId().value(), k -> new ArrayList<>()).add(new Positioned(position, signal));
    }

    void flush(MongoCollection<Document> collection) {
        if (byAgent.isEmpty()) {
            return;
        }
        Map<String, Document> existing = new HashMap<>();
        Flux.from(collection.find(Filters.in("_id", byAgent.keySet()))
                        .projection(Projections.include(APPLIED_INDEX, LAST_CALL + ".occurredAt",
                                LAST_HEALTH_CHECK + ".occurredAt", LAST_FAILOVER_ACTION + ".occurredAt")))
                .doOnNext(doc -> existing.put(doc.getString("_id"), doc))
                .blockLast();

        List<WriteModel<Document>> writes = new ArrayList<>();
        byAgent.forEach((agentId, signals) -> {
            Document current = existing.get(agentId);
            long applied = current == null ? Long.MIN_VALUE : current.get(APPLIED_INDEX, Number.class).longValue();
            AgentUpdate update = new AgentUpdate(current);
            signals.stream().filter(s -> s.position() > applied).forEach(update::apply);
            if (update.isEmpty()) {
                return;
            }
            Bson filter = current == null ? Filters.eq("_id", agentId) : GuardedCounters.guard(agentId, applied);
            writes.add(new UpdateOneModel<>(filter, update.toBson(), new UpdateOptions().upsert(current == null)));
        });
        GuardedCounters.bulkWrite(collection, writes);
    }

    private record Positioned(long position, AgentSignal signal) {
    }

    /** The increments and newest signals for one agent within the batch. */
    private static final class AgentUpdate {

        private final Document inc = new Document();
        private final Document set = new Document();
        private final Map<String, Instant> newest = new HashMap<>();

        AgentUpdate(Document current) {
            if (current != null) {
                for (String field : List.of(LAST_CALL, LAST_HEALTH_CHECK, LAST_FAILOVER_ACTION)) {
                    Document last = current.get(field, Document.class);
                    if (last != null && last.getDate("occurredAt") != null) {
                        newest.put(field, last.getDate("occurredAt").toInstant());
                    }
                }
            }
        }

        void apply(Positioned positioned) {
            set.put(APPLIED_INDEX, positioned.position());
            AgentSignal signal = positioned.signal();
            if (signal instanceof CallOutcomeRecordedEvent call) {
                increment("calls." + call.direction().name().toLowerCase(Locale.ROOT));
                increment("calls.byOutcome." + call.outcome().name());
                replaceIfNewer(LAST_CALL, call.occurredAt(), new Document("id", call.signalId())
                        .append("occurredAt", Date.from(call.occurredAt()))
                        .append("direction", call.direction().name())
                        .append("outcome", call.outcome().name())
                        .append("reason", call.reason()));
            } else if (signal instanceof HealthCheckRecordedEvent check) {
                increment("healthChecks." + check.status().name());
                replaceIfNewer(LAST_HEALTH_CHECK, check.occurredAt(), new Document("id", check.signalId())
                        .append("occurredAt", Date.from(check.occurredAt()))
                        .append("check", check.check())
                        .append("status", check.status().name())
                        .append("latencyMs", check.latencyMs())
                        .append("detail", check.detail()));
            } else if (signal instanceof FailoverActionRecordedEvent action) {
                increment("failoverActions." + action.action().name());
                replaceIfNewer(LAST_FAILOVER_ACTION, action.occurredAt(), new Document("id", action.signalId())
                        .append("occurredAt", Date.from(action.occurredAt()))
                        .append("action", action.action().name())
                        .append("target", action.target())
                        .append("initiatedBy", action.initiatedBy()));
            }
        }

        private void increment(String field) {
            inc.put(field, inc.get(field, 0L) + 1);
        }

        /** Ties in event time go to the later-stored signal, which is what a reader of "last" expects. */
        private void replaceIfNewer(String field, Instant occurredAt, Document summary) {
            Instant known = newest.get(field);
            if (known == null || !occurredAt.isBefore(known)) {
                newest.put(field, occurredAt);
                set.put(field, summary);
            }
        }

        boolean isEmpty() {
            return set.isEmpty();
        }

        Bson toBson() {
            Document update = new Document("$set", set);
            if (!inc.isEmpty()) {
                update.append("$inc", inc);
            }
            return update;
        }
    }
}
