package dev.dialtone.projections.sla;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One processor batch's changes to {@code sla_episodes}, written when the batch commits: one read of the touched
 * incidents' episodes, then one ordered bulk write. Which episode a later fact belongs to is decided against the
 * episodes as the batch's earlier events left them, exactly as one event at a time would.
 */
final class EpisodeWrites {

    private final Map<String, List<Change>> byIncident = new LinkedHashMap<>();

    /** An opening or reopening: the episode keyed by the position of the event that began it. */
    void open(String incidentId, String episodeKey, Bson update, Instant openedAt) {
        changes(incidentId).add(new Change(episodeKey, update, openedAt, null, Map.of()));
    }

    /** Facts for the incident's current episode: the newest unresolved one opened at or before {@code recordedAt}. */
    void onCurrent(String incidentId, Instant recordedAt, Map<String, Instant> facts) {
        changes(incidentId).add(new Change(null, null, null, recordedAt, facts));
    }

    void flush(MongoCollection<Document> episodes) {
        if (byIncident.isEmpty()) {
            return;
        }
        Map<String, Map<String, Episode>> known = new HashMap<>();
        Flux.from(episodes.find(Filters.in("_id", byIncident.keySet())).projection(Projections.include(
                        SlaProjection.EPISODE)))
                .doOnNext(doc -> known.put(doc.getString("_id"), episodes(doc)))
                .blockLast();
        List<WriteModel<Document>> writes = new ArrayList<>();
        byIncident.forEach((id, changes) -> {
            Map<String, Episode> current = known.computeIfAbsent(id, k -> new HashMap<>());
            for (Change change : changes) {
                if (change.episodeKey() != null) {
                    Episode before = current.get(change.episodeKey());
                    current.put(change.episodeKey(),
                            new Episode(change.openedAt(), before != null && before.resolved()));
                    writes.add(new UpdateOneModel<>(Filters.eq("_id", id), change.update(),
                            new UpdateOptions().upsert(true)));
                } else {
                    String key = currentEpisode(current, change.recordedAt());
                    if (key == null) {
                        continue;
                    }
                    if (change.facts().containsKey("resolvedAt")) {
                        current.put(key, new Episode(current.get(key).openedAt(), true));
                    }
                    String prefix = SlaProjection.EPISODE + "." + key + ".";
                    writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(change.facts().entrySet()
                            .stream()
                            .map(fact -> Updates.set(prefix + fact.getKey(), Date.from(fact.getValue())))
                            .toList())));
                }
            }
        });
        byIncident.clear();
        if (!writes.isEmpty()) {
            Mono.from(episodes.bulkWrite(writes, new BulkWriteOptions().ordered(true))).block();
        }
    }

    private List<Change> changes(String incidentId) {
        return byIncident.computeIfAbsent(incidentId, id -> new ArrayList<>());
    }

    /** A redelivered resolution must not close the episode a reopening started after it. */
    private static String currentEpisode(Map<String, Episode> episodes, Instant recordedAt) {
        String current = null;
        Instant newest = null;
        for (Map.Entry<String, Episode> entry : episodes.entrySet()) {
            Episode episode = entry.getValue();
            if (!episode.resolved() && !episode.openedAt().isAfter(recordedAt)
                    && (newest == null || episode.openedAt().isAfter(newest))) {
                current = entry.getKey();
                newest = episode.openedAt();
            }
        }
        return current;
    }

    private static Map<String, Episode> episodes(Document incident) {
        Map<String, Episode> episodes = new HashMap<>();
        Document all = incident.get(SlaProjection.EPISODE, Document.class);
        if (all != null) {
            all.forEach((key, value) -> {
                Document episode = (Document) value;
                episodes.put(key, new Episode(episode.getDate("openedAt").toInstant(),
                        episode.get("resolvedAt") != null));
            });
        }
        return episodes;
    }

    private record Episode(Instant openedAt, boolean resolved) {
    }

    private record Change(String episodeKey, Bson update, Instant openedAt, Instant recordedAt,
                          Map<String, Instant> facts) {
    }
}
