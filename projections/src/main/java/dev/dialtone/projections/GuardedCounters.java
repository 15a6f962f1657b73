package dev.dialtone.projections;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counter documents updated once per processor batch with {@code $inc}, exactly once: each document remembers the
 * position of the last event applied to it ({@code appliedIndex}), a redelivered batch skips what was applied, and
 * the write only lands if nobody moved the document on meanwhile. No transactions needed.
 */
public final class GuardedCounters {

    public static final String APPLIED_INDEX = "appliedIndex";
    private static final int DUPLICATE_KEY = 11000;

    private final Map<Object, List<Increment>> byDocument = new LinkedHashMap<>();
    private final Map<Object, Document> onInsert = new HashMap<>();

    /**
     * The filter "this document, still at {@code applied}", as a plain document: the embedded wire server looks a
     * filter up in an index only when its fields are exactly the index's (and the driver's {@code Filters.and}
     * would wrap them in {@code $and}), so with {@link #createGuardIndex} this is an index lookup, not a scan.
     */
    public static Bson guard(Object id, long applied) {
        return new Document("_id", id).append(APPLIED_INDEX, applied);
    }

    /** The unique index on (_id, appliedIndex) that {@link #guard} filters use; redundant for MongoDB, harmless. */
    public static Mono<String> createGuardIndex(MongoCollection<Document> collection) {
        return Mono.from(collection.createIndex(Indexes.ascending("_id", APPLIED_INDEX),
                new IndexOptions().unique(true).name("guard")));
    }

    /** Counts {@code field += 1} on document {@code id} for the event at {@code position}. */
    public void increment(Object id, long position, String field, Document insertFields) {
        byDocument.computeIfAbsent(id, k -> new ArrayList<>()).add(new Increment(position, field));
        onInsert.putIfAbsent(id, insertFields);
    }

    /** The {@code appliedIndex} of each of the documents {@code ids} that exists. */
    public static Map<Object, Long> appliedIndexes(MongoCollection<Document> collection, Collection<?> ids) {
        Map<Object, Long> applied = new HashMap<>();
        Flux.from(collection.find(Filters.in("_id", ids)).projection(Projections.include(APPLIED_INDEX)))
                .doOnNext(doc -> applied.put(doc.get("_id"), doc.get(APPLIED_INDEX, Number.class).longValue()))
                .blockLast();
        return applied;
    }

    public void flush(MongoCollection<Document> collection) {
        if (byDocument.isEmpty()) {
            return;
        }
        Map<Object, Long> applied = appliedIndexes(collection, byDocument.keySet());
        List<WriteModel<Document>> writes = new ArrayList<>();
        byDocument.forEach((id, increments) -> {
            Long current = applied.get(id);
            Document inc = new Document();
            long newest = Long.MIN_VALUE;
            for (Increment increment : increments) {
                if (current == null || increment.position() > current) {
                    inc.put(increment.field(), inc.get(increment.field(), 0L) + 1);
                    newest = Math.max(newest, increment.position());
                }
            }
            if (inc.isEmpty()) {
                return;
            }
            Document update = new Document("$inc", inc).append("$set", new Document(APPLIED_INDEX, newest));
            if (current == null) {
                update.append("$setOnInsert", onInsert.get(id));
            }
            Bson filter = current == null ? Filters.eq("_id", id) : guard(id, current);
            writes.add(new UpdateOneModel<>(filter, update, new UpdateOptions().upsert(current == null)));
        });
        byDocument.clear();
        onInsert.clear();
        bulkWrite(collection, writes);
    }

    /**
     * Guarded writes in one round trip. A write whose guard no longer holds matches nothing; an upsert that finds
     * the document already inserted (another writer raced us) fails as a duplicate key: both leave the events to
     * be redelivered and applied on the document as it now is.
     */
    public static void bulkWrite(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return;
        }
        try {
            Mono.from(collection.bulkWrite(writes, new BulkWriteOptions().ordered(false))).block();
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    private record Increment(long position, String field) {
    }
}
