package dev.dialtone.projections.sla;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.dialtone.domain.agent.api.MaintenanceCancelledEvent;
import dev.dialtone.domain.agent.api.MaintenanceScheduledEvent;
import dev.dialtone.domain.incident.api.IncidentAcknowledgedEvent;
import dev.dialtone.domain.incident.api.IncidentOpenedEvent;
import dev.dialtone.domain.incident.api.IncidentRecoveryObservedEvent;
import dev.dialtone.domain.incident.api.IncidentReopenedEvent;
import dev.dialtone.domain.incident.api.IncidentResolvedEvent;
import dev.dialtone.domain.signal.api.CallOutcomeRecordedEvent;
import dev.dialtone.domain.sla.FindSlaReportsQuery;
import dev.dialtone.domain.sla.SlaReport;
import dev.dialtone.projections.BatchWrites;
import dev.dialtone.projections.GuardedCounters;
import dev.dialtone.projections.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The facts SLA reports are computed from, each stamped with when Dialtone learned it, so a report can be asked "as
 * of" an earlier time and late facts restate it:
 * <ul>
 *     <li>{@code sla_episodes}: per incident, each opening or reopening: when its problem started and was detected,
 *     when detection saw it recover, and when it was opened, acknowledged, resolved and its recovery learned;</li>
 *     <li>{@code sla_maintenance}: each version of a maintenance plan, valid from when it was made until it was
 *     replaced or cancelled;</li>
 *     <li>{@code sla_calls}: calls per agent per UTC day by direction and outcome ({@code missed},
 *     {@code outboundAnswered}), counted per quarter hour of occurrence and per minute (after the quarter began) by
 *     which they were recorded, {@code q.<quarter>.<minute>.<counter>}, for reports "as of" a time; and, for reports
 *     of everything known, per quarter ({@code t.<quarter>.<counter>}) and per day ({@code d.<counter>}). Documents
 *     begun before the totals existed lack {@code v: 2} and are read through {@code q}.</li>
 * </ul>
 */
@Component
@ProcessingGroup(ProcessingGroups.PROJECTIONS)
public class SlaProjection {

    static final String EPISODES = "sla_episodes";
    static final String MAINTENANCE = "sla_maintenance";
    static final String CALLS = "sla_calls";
    static final String EPISODE = "episodes";
    private static final String BATCH = SlaProjection.class.getName() + ".calls";
    private static final String EPISODE_BATCH = EpisodeWrites.class.getName();

    private final MongoCollection<Document> episodes;
    private final MongoCollection<Document> maintenance;
    private final MongoCollection<Document> calls;
    private final SlaReports reports;

    public SlaProjection(MongoDatabase database) {
        this.episodes = database.getCollection(EPISODES);
        this.maintenance = database.getCollection(MAINTENANCE);
        this.calls = database.getCollection(CALLS);
        this.reports = new SlaReports(episodes, maintenance, calls);
        createIndexes();
    }

    private void createIndexes() {
        Flux.concat(
                episodes.createIndex(Indexes.ascending("agentId", "firstStart"), new IndexOptions().name("agent_start")),
                episodes.createIndex(Indexes.ascending("tenant", "firstStart"), new IndexOptions().name("tenant_start")),
                GuardedCounters.createGuardIndex(calls),
                calls.createIndex(Indexes.ascending("tenant", "day"), new IndexOptions().name("tenant_day")),
                maintenance.createIndex(Indexes.ascending("agentId", "windowId"), new IndexOptions().name("agent_window"))
        ).blockLast();
    }

    @EventHandler
    void on(CallOutcomeRecordedEvent event, @Timestamp Instant recordedAt, TrackingToken token) {
        Instant at = event.occurredAt();
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        long quarter = Duration.between(dayStart, at).toMinutes() / 15;
        Instant quarterStart = dayStart.plus(Duration.ofMinutes(quarter * 15));
        // known from the next whole minute (counted from the quarter's start) on: an "as of" report never counts a call
        // recorded after its asOf, and may miss one recorded less than a minute before it
        long knownAfterMinutes = Math.max(0, ceilMinutes(Duration.between(quarterStart, recordedAt)));
        String counter = SlaReports.counter(event.direction(), event.outcome());
        String id = event.agentId().value() + "|" + day;
        long position = position(token);
        Document onInsert = new Document("agentId", event.agentId().value()).append("tenant", event.tenant().value())
                .append("day", Date.from(dayStart)).append(SlaReports.VERSION, SlaReports.WITH_TOTALS);
        GuardedCounters counters = BatchWrites.of(BATCH, GuardedCounters::new, batch -> batch.flush(calls));
        counters.increment(id, position, "q." + quarter + "." + knownAfterMinutes + "." + counter, onInsert);
        counters.increment(id, position, SlaReports.QUARTER_TOTALS + "." + quarter + "." + counter, onInsert);
        counters.increment(id, position, SlaReports.DAY_TOTALS + "." + counter, onInsert);
    }

    @EventHandler
    void on(IncidentOpenedEvent event, @Timestamp Instant recordedAt, TrackingToken token) {
        openEpisode(event.incidentId().value(), event.agentId().value(), event.tenant().value(),
                event.kind().name(), event.detectedAt(), event.startedAt(), recordedAt, token);
    }

    @EventHandler
    void on(IncidentReopenedEvent event, @Timestamp Instant recordedAt, TrackingToken token) {
        openEpisode(event.incidentId().value(), event.agentId().value(), event.tenant().value(),
                event.kind().name(), event.detectedAt(), event.startedAt(), recordedAt, token);
    }

    @EventHandler
    void on(IncidentAcknowledgedEvent event, @Timestamp Instant recordedAt) {
        updateCurrentEpisode(event.incidentId().value(), recordedAt, Map.of("acknowledgedAt", recordedAt));
    }

    /** Detection saw the problem end while the incident stays open for a person to resolve: downtime ends here. */
    @EventHandler
    void on(IncidentRecoveryObservedEvent event, @Timestamp Instant recordedAt) {
        updateCurrentEpisode(event.incidentId().value(), recordedAt,
                Map.of("recoveredAt", event.recoveredAt(), "recoveryKnownAt", recordedAt));
    }

    @EventHandler
    void on(IncidentResolvedEvent event, @Timestamp Instant recordedAt) {
        Map<String, Instant> resolved = new HashMap<>(Map.of("resolvedAt", recordedAt, "resolvedEnd",
                event.resolvedAt()));
        if (event.recoveredAt() != null) {
            resolved.put("recoveredAt", event.recoveredAt());
            resolved.put("recoveryKnownAt", recordedAt);
        }
        updateCurrentEpisode(event.incidentId().value(), recordedAt, resolved);
    }

    @EventHandler
    void on(MaintenanceScheduledEvent event, @Timestamp Instant recordedAt, TrackingToken token) {
        String agentId = event.agentId().value();
        String windowId = event.window().windowId();
        retire(agentId, windowId, recordedAt);
        Mono.from(maintenance.updateOne(Filters.eq("_id", agentId + "|" + windowId + "|" + position(token)),
                Updates.combine(Updates.set("agentId", agentId), Updates.set("windowId", windowId),
                        Updates.set("from", Date.from(event.window().from())),
                        Updates.set("to", Date.from(event.window().to())),
                        Updates.set("knownFrom", Date.from(recordedAt))),
                new UpdateOptions().upsert(true))).block();
    }

    @EventHandler
    void on(MaintenanceCancelledEvent event, @Timestamp Instant recordedAt) {
        retire(event.agentId().value(), event.windowId(), recordedAt);
    }

    @ResetHandler
    void onReset() {
        Flux.concat(episodes.drop(), maintenance.drop(), calls.drop()).blockLast();
        createIndexes();
    }

    @QueryHandler
    public CompletableFuture<List<SlaReport>> handle(FindSlaReportsQuery query) {
        return Mono.fromCallable(() -> reports.compute(query)).subscribeOn(Schedulers.boundedElastic()).toFuture();
    }

    /** The plan in force until now stops being valid from {@code at} on (replaced or cancelled). */
    private void retire(String agentId, String windowId, Instant at) {
        Mono.from(maintenance.updateMany(Filters.and(Filters.eq("agentId", agentId), Filters.eq("windowId", windowId),
                Filters.eq("knownUntil", null), Filters.lt("knownFrom", Date.from(at))),
                Updates.set("knownUntil", Date.from(at)))).block();
    }

    /**
     * One document per incident, its episodes (the opening and each reopening) keyed by the position of the event
     * that began them: setting the same key again is a no-op, so a redelivery changes nothing. Written when the
     * batch commits ({@link EpisodeWrites}).
     */
    private void openEpisode(String incidentId, String agentId, String tenant, String kind, Instant detectedAt,
                             Instant start, Instant recordedAt, TrackingToken token) {
        String key = String.valueOf(position(token));
        String episode = EPISODE + "." + key + ".";
        episodes().open(incidentId, key, Updates.combine(
                Updates.setOnInsert("agentId", agentId), Updates.setOnInsert("tenant", tenant),
                Updates.setOnInsert("kind", kind),
                Updates.min("firstStart", Date.from(start)), Updates.min("firstOpenedAt", Date.from(recordedAt)),
                Updates.set(episode + "detectedAt", Date.from(detectedAt)),
                Updates.set(episode + "start", Date.from(start)),
                Updates.set(episode + "openedAt", Date.from(recordedAt))), recordedAt);
    }

    /**
     * Sets facts on the episode a later fact belongs to: the newest unresolved one that began before the fact was
     * recorded (a redelivered resolution must not close the episode a reopening started after it).
     */
    private void updateCurrentEpisode(String incidentId, Instant recordedAt, Map<String, Instant> facts) {
        episodes().onCurrent(incidentId, recordedAt, facts);
    }

    private EpisodeWrites episodes() {
        return BatchWrites.of(EPISODE_BATCH, EpisodeWrites::new, writes -> writes.flush(episodes));
    }

    private static long ceilMinutes(Duration duration) {
        long millis = duration.toMillis();
        return Math.floorDiv(millis + 59_999, 60_000);
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow();
    }
}
