package dev.dialtone.projections.incident;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import dev.dialtone.projections.GuardedCounters;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One processor batch's updates to incident documents, written when the batch commits: one read of the touched
 * documents' {@code appliedIndex}, then one ordered bulk write. Each document's updates form a chain, every one
 * guarded by the position the one before it set, so an update lands only on the document exactly as the previous
 * event left it, and a redelivered event (at or below what the document has applied) is skipped.
 */
final class IncidentWrites {

    private final Map<String, List<Update>> byIncident = new LinkedHashMap<>();

    /** {@code update} must set {@code appliedIndex} to {@code position}. */
    void add(String incidentId, long position, Document update) {
        byIncident.computeIfAbsent(incidentId, id -> new ArrayList<>()).add(new Update(position, update));
    }

    void flush(MongoCollection<Document> incidents) {
        if (byIncident.isEmpty()) {
            return;
        }
        Map<Object, Long> applied = GuardedCounters.appliedIndexes(incidents, byIncident.keySet());
        List<WriteModel<Document>> writes = new ArrayList<>();
        byIncident.forEach((id, updates) -> {
            Long guard = applied.get(id);
            for (Update update : updates) {
                if (guard != null && update.position() <= guard) {
                    continue; // a redelivery: this event (or a later one) is in already
                }
                Bson filter = guard == null ? Filters.eq("_id", id) : GuardedCounters.guard(id, guard);
                writes.add(new UpdateOneModel<>(filter, update.update(), new UpdateOptions().upsert(guard == null)));
                guard = update.position();
            }
        });
        byIncident.clear();
        if (!writes.isEmpty()) {
            // a failure (say another writer inserted the incident first) fails the batch; redelivered, it finds
            // the documents as they now are
            Mono.from(incidents.bulkWrite(writes, new BulkWriteOptions().ordered(true))).block();
        }
    }

    private record Update(long position, Document update) {
    }
}
