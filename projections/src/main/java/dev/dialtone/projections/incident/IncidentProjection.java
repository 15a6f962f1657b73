package dev.dialtone.projections.incident;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.dialtone.domain.incident.IncidentTimeline;
import dev.dialtone.domain.incident.api.EscalationExhaustedEvent;
import dev.dialtone.domain.incident.api.Evidence;
import dev.dialtone.domain.incident.api.FailoverAttemptFailedEvent;
import dev.dialtone.domain.incident.api.FailoverRequestedEvent;
import dev.dialtone.domain.incident.api.FailoverSucceededEvent;
import dev.dialtone.domain.incident.api.FindIncidentQuery;
import dev.dialtone.domain.incident.api.FindIncidentsQuery;
import dev.dialtone.domain.incident.api.IncidentAcknowledgedEvent;
import dev.dialtone.domain.incident.api.IncidentEscalatedEvent;
import dev.dialtone.domain.incident.api.IncidentEscalationRequestedEvent;
import dev.dialtone.domain.incident.api.IncidentEvidenceAddedEvent;
import dev.dialtone.domain.incident.api.IncidentId;
import dev.dialtone.domain.incident.api.IncidentKind;
import dev.dialtone.domain.incident.api.IncidentOpenedEvent;
import dev.dialtone.domain.incident.api.IncidentPage;
import dev.dialtone.domain.incident.api.IncidentRecoveryObservedEvent;
import dev.dialtone.domain.incident.api.IncidentReopenedEvent;
import dev.dialtone.domain.incident.api.IncidentResolvedEvent;
import dev.dialtone.domain.incident.api.IncidentSeverityRaisedEvent;
import dev.dialtone.domain.incident.api.IncidentStatus;
import dev.dialtone.domain.incident.api.IncidentView;
import dev.dialtone.domain.incident.api.IntegrationProblemRecordedEvent;
import dev.dialtone.domain.incident.api.NotificationAttemptFailedEvent;
import dev.dialtone.domain.incident.api.NotificationDeliveredEvent;
import dev.dialtone.domain.incident.api.NotificationRequestedEvent;
import dev.dialtone.domain.incident.api.Severity;
import dev.dialtone.domain.incident.api.SlackChannelOpenedEvent;
import dev.dialtone.domain.incident.api.TimelineEntry;
import dev.dialtone.domain.signal.api.SignalKind;
import dev.dialtone.projections.BatchWrites;
import dev.dialtone.projections.GuardedCounters;
import dev.dialtone.projections.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps {@code incidents}: one document per incident with its state, evidence, notifications and timeline. Every
 * update is a single-document upsert guarded by the event's position ({@code appliedIndex}), so redelivery after a
 * crash changes nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.PROJECTIONS)
public class IncidentProjection {

    static final String COLLECTION = "incidents";
    private static final String BATCH = IncidentWrites.class.getName();
    private static final int MAX_PAGE = 200;

    private final MongoCollection<Document> incidents;

    public IncidentProjection(MongoDatabase database) {
        this.incidents = database.getCollection(COLLECTION);
        createIndexes();
    }

    private void createIndexes() {
        Flux.concat(
                incidents.createIndex(Indexes.compoundIndex(Indexes.ascending("tenant"),
                        Indexes.descending("detectedAt"), Indexes.descending("_id")),
                        new IndexOptions().name("tenant_detected")),
                incidents.createIndex(Indexes.compoundIndex(Indexes.ascending("tenant", "agentId"),
                        Indexes.descending("detectedAt")), new IndexOptions().name("tenant_agent_detected")),
                GuardedCounters.createGuardIndex(incidents)
        ).blockLast();
    }

    @EventHandler
    void on(IncidentOpenedEvent e, TrackingToken token) {
        apply(e.incidentId(), token, new Document("$set", new Document("tenant", e.tenant().value())
                .append("agentId", e.agentId().value())
                .append("number", e.number())
                .append("kind", e.kind().name())
                .append("severity", e.severity().name())
                .append("status", IncidentStatus.OPEN.name())
                .append("detectedAt", date(e.detectedAt()))
                .append("startedAt", date(e.startedAt()))
                .append("openedAt", date(e.openedAt()))
                .append("runbookId", e.runbookId())
                .append("escalationLevel", 0)
                .append("escalationRound", 0)
                .append("evidence", evidence(e.evidence())))
                .append("$push", timeline(e)));
    }

    @EventHandler
    void on(IncidentReopenedEvent e, TrackingToken token) {
        apply(e.incidentId(), token, new Document("$set", new Document("status", IncidentStatus.OPEN.name())
                .append("severity", e.severity().name())
                .append("reopenedAt", date(e.reopenedAt()))
                .append("acknowledgedAt", null)
                .append("acknowledgedBy", null)
                .append("resolvedAt", null)
                .append("resolvedBy", null)
                .append("escalationLevel", 0)
                .append("escalationRound", 0))
                .append("$push", new Document("timeline", entry(e))
                        .append("evidence", new Document("$each", evidence(e.evidence())))));
    }

    @EventHandler
    void on(IncidentEvidenceAddedEvent e, TrackingToken token) {
        apply(e.incidentId(), token, new Document("$push", new Document("evidence",
                new Document("$each", evidence(e.evidence())))
                .append("timeline", entry(e))));
    }

    @EventHandler
    void on(IncidentSeverityRaisedEvent e, TrackingToken token) {
        apply(e.incidentId(), token, new Document("$set", new Document("severity", e.to().name()))
                .append("$push", timeline(e)));
    }

    @EventHandler
    void on(IncidentRecoveryObservedEvent e, TrackingToken token) {
        apply(e.incidentId(), token, new Document("$set", new Document("recoveredAt", date(e.recoveredAt())))
                .append("$push", timeline(e)));
    }

    @EventHandler
    void on(IncidentAcknowledgedEvent e, TrackingToken token) {
        apply(e.incidentId(), token, new Document("$set", new Document("status", IncidentStatus.ACKNOWLEDGED.name())
                .append("acknowledgedAt", date(e.at()))
                .append("acknowledgedBy", e.by()))
                .append("$push", timeline(e)));
    }

    @EventHandler
    void on(IncidentEscalationRequestedEvent e, TrackingToken token) {
        apply(e.incidentId(), token, new Document("$push", timeline(e)));
    }

    @EventHandler
    void on(IncidentEscalatedEvent e, TrackingToken token) {
        apply(e.incidentId(), token, new Document("$set", new Document("escalationLevel", e.level())
                .append("escalationRound", e.round()))
                .append("$push", timeline(e)));
    }

    @EventHandler
    void on(NotificationRequestedEvent e, TrackingToken token) {
        apply(e.incidentId(), token, new Document("$set", new Document("notifications." + key(e.notificationId()),
                new Document("id", e.notificationId())
                        .append("type", e.type().name())
                        .append("target", IncidentTimeline.describe(e.target()))
                        .append("status", "PENDING")
                        .append("attempts", 0)))
                .append("$push", timeline(e)));
    }

    @EventHandler
    void on(NotificationDeliveredEvent e, TrackingToken token) {
        apply(e.incidentId(), token, new Document("$set", new Document(
                "notifications." + key(e.notificationId()) + ".status", "DELIVERED")
                .append("notifications." + key(e.notificationId()) + ".attempts", e.attempts()))
                .append("$push", timeline(e)));
    }

    @EventHandler
    void on(NotificationAttemptFailedEvent e, TrackingToken token) {
        apply(e.incidentId(), token, new Document("$set", new Document(
                "notifications." + key(e.notificationId()) + ".status",
                e.nextAttemptAt() == null ? "FAILED" : "RETRYING")
                .append("notifications." + key(e.notificationId()) + ".attempts", e.attempt())
                .append("notifications." + key(e.notificationId()) + ".lastError", e.error()))
                .append("$push", timeline(e)));
    }

    @EventHandler
    void on(EscalationExhaustedEvent e, TrackingToken token) {
        apply(e.incidentId(), token, new Document("$push", timeline(e)));
    }

    @EventHandler
    void on(IncidentResolvedEvent e, TrackingToken token) {
        apply(e.incidentId(), token, new Document("$set", new Document("status", IncidentStatus.RESOLVED.name())
                .append("resolvedAt", date(e.resolvedAt()))
                .append("resolvedBy", e.by())
                .append("recoveredAt", e.recoveredAt() == null ? null : date(e.recoveredAt()))
                .append("note", e.note()))
                .append("$push", timeline(e)));
    }

    @EventHandler
    void on(FailoverRequestedEvent e, TrackingToken token) {
        apply(e.incidentId(), token, new Document("$set", new Document("failover",
                new Document("action", e.action().name()).append("status", "REQUESTED")))
                .append("$push", timeline(e)));
    }

    @EventHandler
    void on(FailoverSucceededEvent e, TrackingToken token) {
        apply(e.incidentId(), token, new Document("$set", new Document("failover.status", "CONFIRMED"))
                .append("$push", timeline(e)));
    }

    @EventHandler
    void on(FailoverAttemptFailedEvent e, TrackingToken token) {
        apply(e.incidentId(), token, new Document("$set", new Document("failover.status",
                e.nextAttemptAt() == null ? "FAILED" : "RETRYING"))
                .append("$push", timeline(e)));
    }

    @EventHandler
    void on(SlackChannelOpenedEvent e, TrackingToken token) {
        apply(e.incidentId(), token, new Document("$set", new Document("slackChannel", new Document("id", e.channelId())
                .append("name", e.channelName())))
                .append("$push", timeline(e)));
    }

    @EventHandler
    void on(IntegrationProblemRecordedEvent e, TrackingToken token) {
        apply(e.incidentId(), token, new Document("$push", timeline(e)));
    }

    @ResetHandler
    void onReset() {
        Mono.from(incidents.drop()).block();
        createIndexes();
    }

    @QueryHandler
    public CompletableFuture<IncidentView> handle(FindIncidentQuery query) {
        return Mono.from(incidents.find(Filters.eq("_id", query.incidentId().value())).first())
                .filter(doc -> query.tenant().value().equals(doc.getString("tenant")))
                .map(doc -> toView(doc, true))
                .toFuture();
    }

    @QueryHandler
    public CompletableFuture<IncidentPage> handle(FindIncidentsQuery query) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("tenant", query.tenant().value()));
        if (query.agentId() != null) {
            filters.add(Filters.eq("agentId", query.agentId()));
        }
        if (query.status() != null) {
            filters.add(Filters.eq("status", query.status().name()));
        }
        if (query.from() != null) {
            filters.add(Filters.gte("detectedAt", date(query.from())));
        }
        if (query.to() != null) {
            filters.add(Filters.lt("detectedAt", date(query.to())));
        }
        if (query.after() != null) {
            Cursor cursor = Cursor.decode(query.after());
            filters.add(Filters.or(Filters.lt("detectedAt", cursor.detectedAt()),
                    Filters.and(Filters.eq("detectedAt", cursor.detectedAt()), Filters.lt("_id", cursor.id()))));
        }
        int limit = Math.max(1, Math.min(MAX_PAGE, query.limit()));
        return Flux.from(incidents.find(Filters.and(filters))
                        .projection(new Document("timeline", 0).append("notifications", 0))
                        .sort(Sorts.orderBy(Sorts.descending("detectedAt"), Sorts.descending("_id")))
                        .limit(limit + 1))
                .collectList()
                .map(docs -> {
                    List<IncidentView> items = docs.stream().limit(limit).map(d -> toView(d, false)).toList();
                    String next = docs.size() > limit
                            ? Cursor.of(docs.get(limit - 1)).encode() : null;
                    return new IncidentPage(items, next);
                })
                .toFuture();
    }

    /**
     * Queues the update for when the batch commits ({@link IncidentWrites}); the position of the newest incident event
     * applied, per document, makes each update apply once.
     */
    private void apply(IncidentId incidentId, TrackingToken token, Document update) {
        long position = token.position().orElseThrow();
        Document set = update.get("$set", Document.class);
        if (set == null) {
            set = new Document();
            update.put("$set", set);
        }
        set.put(GuardedCounters.APPLIED_INDEX, position);
        BatchWrites.of(BATCH, IncidentWrites::new, writes -> writes.flush(incidents))
                .add(incidentId.value(), position, update);
    }

    private static Document timeline(Object event) {
        return new Document("timeline", entry(event));
    }

    private static Document entry(Object event) {
        TimelineEntry entry = IncidentTimeline.entry(event).orElseThrow();
        return new Document("at", date(entry.at())).append("type", entry.type()).append("detail", entry.detail());
    }

    private static List<Document> evidence(List<Evidence> evidence) {
        return evidence.stream().map(e -> new Document("signalId", e.signalId())
                .append("kind", e.kind() == null ? null : e.kind().name())
                .append("occurredAt", date(e.occurredAt()))
                .append("summary", e.summary())).toList();
    }

    /** Notification ids hold '/'; field names may not hold '.', which ids never do, but be safe. */
    private static String key(String notificationId) {
        return notificationId.replace('.', '_');
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }

    static IncidentView toView(Document doc, boolean withTimeline) {
        List<Evidence> evidence = doc.getList("evidence", Document.class, List.of()).stream()
                .map(e -> new Evidence(e.getString("signalId"),
                        e.getString("kind") == null ? null : SignalKind.valueOf(e.getString("kind")),
                        instant(e, "occurredAt"), e.getString("summary")))
                .toList();
        List<TimelineEntry> timeline = !withTimeline ? null : doc.getList("timeline", Document.class, List.of())
                .stream()
                .map(t -> new TimelineEntry(instant(t, "at"), t.getString("type"), t.getString("detail")))
                .toList();
        Document slack = doc.get("slackChannel", Document.class);
        return new IncidentView(doc.getString("_id"), doc.getString("tenant"), doc.getString("agentId"),
                doc.getInteger("number", 0),
                doc.getString("kind") == null ? null : IncidentKind.valueOf(doc.getString("kind")),
                doc.getString("status") == null ? null : IncidentStatus.valueOf(doc.getString("status")),
                doc.getString("severity") == null ? null : Severity.valueOf(doc.getString("severity")),
                instant(doc, "detectedAt"), instant(doc, "startedAt"), instant(doc, "openedAt"),
                instant(doc, "acknowledgedAt"), doc.getString("acknowledgedBy"), instant(doc, "resolvedAt"),
                doc.getString("resolvedBy"), instant(doc, "recoveredAt"), doc.getInteger("escalationLevel", 0),
                doc.getInteger("escalationRound", 0), doc.getString("runbookId"), evidence, timeline,
                slack == null ? null : slack.getString("id"), slack == null ? null : slack.getString("name"));
    }

    /** Keyset paging on (detectedAt, id), newest first; opaque to clients. */
    record Cursor(Date detectedAt, String id) {

        static Cursor of(Document doc) {
            return new Cursor(doc.getDate("detectedAt"), doc.getString("_id"));
        }

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (detectedAt.getTime() + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = raw.indexOf('|');
                return new Cursor(new Date(Long.parseLong(raw.substring(0, bar))), raw.substring(bar + 1));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("cursor is not one this service handed out");
            }
        }
    }
}
