package dev.dialtone.projections.sla;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;
import dev.dialtone.domain.incident.api.IncidentKind;
import dev.dialtone.domain.signal.api.CallDirection;
import dev.dialtone.domain.signal.api.CallOutcome;
import dev.dialtone.domain.sla.CallTally;
import dev.dialtone.domain.sla.FindSlaReportsQuery;
import dev.dialtone.domain.sla.IncidentFacts;
import dev.dialtone.domain.sla.SlaCalculator;
import dev.dialtone.domain.sla.SlaReport;
import dev.dialtone.domain.sla.TimeSpan;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what SLA reports need for a set of agents in three queries (episodes, maintenance, calls), applies "as of"
 * (a fact counts only if it was recorded by then), and hands the rest to {@link SlaCalculator}.
 */
final class SlaReports {

    private static final Duration QUARTER = Duration.ofMinutes(15);

    private final MongoCollection<Document> episodes;
    private final MongoCollection<Document> maintenance;
    private final MongoCollection<Document> calls;

    SlaReports(MongoCollection<Document> episodes, MongoCollection<Document> maintenance,
               MongoCollection<Document> calls) {
        this.episodes = episodes;
        this.maintenance = maintenance;
        this.calls = calls;
    }

    List<SlaReport> compute(FindSlaReportsQuery query) {
        Instant asOf = query.asOf();
        List<String> agentIds = query.subjects().stream().map(FindSlaReportsQuery.Subject::agentId).distinct().toList();
        Instant earliest = query.subjects().stream().map(s -> s.window().start()).min(Instant::compareTo)
                .orElse(asOf);
        Instant latest = query.subjects().stream().map(s -> s.window().end()).max(Instant::compareTo).orElse(asOf);

        // the embedded server matches $in by scanning the list for every document: one agent is found by its id,
        // many by their tenant (agent ids are unique across tenants, so the grouping below drops the rest)
        boolean one = agentIds.size() == 1;
        Bson ofAgents = one ? Filters.eq("agentId", agentIds.get(0)) : Filters.eq("tenant", query.tenant().value());
        Map<String, List<Document>> incidentsByAgent = group(Flux.from(episodes.find(Filters.and(ofAgents,
                Filters.eq("tenant", query.tenant().value()),
                Filters.lt("firstStart", Date.from(latest)),
                Filters.lte("firstOpenedAt", Date.from(asOf))))).collectList().block());
        Bson knownPlans = Filters.lte("knownFrom", Date.from(asOf));
        Map<String, List<Document>> maintenanceByAgent = group(Flux.from(maintenance.find(one
                ? Filters.and(Filters.eq("agentId", agentIds.get(0)), knownPlans) : knownPlans)).collectList().block());
        Map<String, Document> days = new HashMap<>();
        if (one) {
            List<String> ids = new ArrayList<>();
            FindSlaReportsQuery.Subject subject = query.subjects().get(0);
            for (LocalDate day = LocalDate.ofInstant(subject.window().start(), ZoneOffset.UTC);
                 day.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(subject.window().end());
                 day = day.plusDays(1)) {
                ids.add(subject.agentId() + "|" + day);
            }
            Flux.from(calls.find(Filters.in("_id", ids))).doOnNext(d -> days.put(d.getString("_id"), d)).blockLast();
        } else {
            Flux.from(calls.find(Filters.and(Filters.eq("tenant", query.tenant().value()),
                            Filters.gte("day", Date.from(earliest.minus(Duration.ofDays(1)))),
                            Filters.lt("day", Date.from(latest)))))
                    .doOnNext(d -> days.put(d.getString("_id"), d)).blockLast();
        }

        List<SlaReport> reports = new ArrayList<>();
        for (FindSlaReportsQuery.Subject subject : query.subjects()) {
            TimeSpan window = subject.window();
            Instant cut = asOf.isBefore(window.end()) ? asOf : window.end();
            List<TimeSpan> outages = new ArrayList<>();
            List<TimeSpan> degraded = new ArrayList<>();
            Map<String, IncidentFacts> detected = new HashMap<>();
            for (Document incident : incidentsByAgent.getOrDefault(subject.agentId(), List.of())) {
                String incidentId = incident.getString("_id");
                IncidentKind kind = IncidentKind.valueOf(incident.getString("kind"));
                Document episodes = incident.get(SlaProjection.EPISODE, Document.class);
                for (Object value : episodes == null ? List.of() : episodes.values()) {
                    Document episode = (Document) value;
                    if (!known(episode, "openedAt", asOf)) {
                        continue;
                    }
                    Instant start = instant(episode, "start");
                    boolean resolved = known(episode, "resolvedAt", asOf);
                    Instant recovered = known(episode, "recoveryKnownAt", asOf) ? instant(episode, "recoveredAt")
                            : null;
                    Instant end = recovered != null ? recovered : resolved ? instant(episode, "resolvedEnd") : null;
                    TimeSpan span = new TimeSpan(start, max(start, end == null ? cut : end));
                    if (kind == IncidentKind.OUTAGE) {
                        outages.add(span);
                    } else if (kind == IncidentKind.DEGRADED) {
                        degraded.add(span);
                    }
                    Instant detectedAt = instant(episode, "detectedAt");
                    if (!detectedAt.isBefore(window.start()) && detectedAt.isBefore(window.end())) {
                        detected.merge(incidentId, new IncidentFacts(incidentId, detectedAt,
                                        instant(episode, "openedAt"),
                                        known(episode, "acknowledgedAt", asOf) ? instant(episode, "acknowledgedAt")
                                                : null,
                                        resolved ? instant(episode, "resolvedEnd") : null, recovered),
                                (first, later) -> first.detectedAt().isBefore(later.detectedAt()) ? first : later);
                    }
                }
            }
            List<TimeSpan> planned = new ArrayList<>();
            for (Document plan : maintenanceByAgent.getOrDefault(subject.agentId(), List.of())) {
                Instant until = instant(plan, "knownUntil");
                if (until == null || until.isAfter(asOf)) {
                    planned.add(new TimeSpan(instant(plan, "from"), instant(plan, "to")));
                }
            }
            CallTally tally = CallTally.NONE;
            for (LocalDate day = LocalDate.ofInstant(window.start(), ZoneOffset.UTC);
                 day.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(window.end()); day = day.plusDays(1)) {
                Document doc = days.get(subject.agentId() + "|" + day);
                if (doc != null) {
                    tally = tally.plus(tally(doc, day.atStartOfDay(ZoneOffset.UTC).toInstant(), window,
                            query.latest() ? null : asOf));
                }
            }
            reports.add(SlaCalculator.report(subject.agentId(), window, asOf, subject.sloTarget(),
                    subject.leadValue(), outages, degraded, planned, List.copyOf(detected.values()), tally));
        }
        return reports;
    }

    /**
     * Calls of one day document whose quarter hour starts inside the window and that were known by {@code asOf}
     * (all of them if null).
     */
    private static CallTally tally(Document day, Instant dayStart, TimeSpan window, Instant asOf) {
        Document quarters = day.get("q", Document.class);
        if (quarters == null) {
            return CallTally.NONE;
        }
        long[] c = new long[7];
        for (Map.Entry<String, Object> q : quarters.entrySet()) {
            Instant quarterStart = dayStart.plus(QUARTER.multipliedBy(Long.parseLong(q.getKey())));
            if (quarterStart.isBefore(window.start()) || !quarterStart.isBefore(window.end())) {
                continue;
            }
            for (Map.Entry<String, Object> recorded : ((Document) q.getValue()).entrySet()) {
                // known this many minutes after the quarter began
                if (asOf != null && quarterStart.plus(Duration.ofMinutes(Long.parseLong(recorded.getKey())))
                        .isAfter(asOf)) {
                    continue;
                }
                for (Map.Entry<String, Object> count : ((Document) recorded.getValue()).entrySet()) {
                    int index = COUNTERS.indexOf(count.getKey());
                    // outbound calls are kept by outcome too, and reported in total
                    c[index >= 0 ? index : OUTBOUND] += ((Number) count.getValue()).longValue();
                }
            }
        }
        return new CallTally(c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
    }

    /** The inbound counters in {@link CallTally}'s order; every other counter is an outbound one. */
    private static final List<String> COUNTERS = List.of("answered", "transferred", "missed", "dropped",
            "transferFailed", "abandoned");
    private static final int OUTBOUND = 6;

    /** The counter a call adds to: its outcome if inbound ({@code missed}), else {@code outbound} + outcome. */
    static String counter(CallDirection direction, CallOutcome outcome) {
        String inbound = switch (outcome) {
            case ANSWERED -> "answered";
            case TRANSFERRED -> "transferred";
            case MISSED -> "missed";
            case DROPPED -> "dropped";
            case TRANSFER_FAILED -> "transferFailed";
            case ABANDONED -> "abandoned";
        };
        return direction == CallDirection.OUTBOUND
                ? "outbound" + Character.toUpperCase(inbound.charAt(0)) + inbound.substring(1) : inbound;
    }

    private static Map<String, List<Document>> group(List<Document> documents) {
        Map<String, List<Document>> byAgent = new HashMap<>();
        for (Document doc : documents) {
            byAgent.computeIfAbsent(doc.getString("agentId"), k -> new ArrayList<>()).add(doc);
        }
        return byAgent;
    }

    private static boolean known(Document doc, String field, Instant asOf) {
        Instant at = instant(doc, field);
        return at != null && !at.isAfter(asOf);
    }

    private static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
