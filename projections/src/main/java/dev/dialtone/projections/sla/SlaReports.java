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
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

        Map<String, List<Document>> episodesByAgent = group(Flux.from(episodes.find(Filters.and(
                Filters.in("agentId", agentIds),
                Filters.eq("tenant", query.tenant().value()),
                Filters.lt("start", Date.from(latest)),
                Filters.lte("openedAt", Date.from(asOf))))).collectList().block());
        Map<String, List<Document>> maintenanceByAgent = group(Flux.from(maintenance.find(Filters.and(
                Filters.in("agentId", agentIds),
                Filters.lte("knownFrom", Date.from(asOf))))).collectList().block());
        Set<String> dayIds = new LinkedHashSet<>();
        for (FindSlaReportsQuery.Subject subject : query.subjects()) {
            for (LocalDate day = LocalDate.ofInstant(subject.window().start(), ZoneOffset.UTC);
                 day.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(subject.window().end());
                 day = day.plusDays(1)) {
                dayIds.add(subject.agentId() + "|" + day);
            }
        }
        Map<String, Document> days = new HashMap<>();
        Flux.from(calls.find(Filters.in("_id", dayIds))).doOnNext(d -> days.put(d.getString("_id"), d)).blockLast();

        List<SlaReport> reports = new ArrayList<>();
        for (FindSlaReportsQuery.Subject subject : query.subjects()) {
            TimeSpan window = subject.window();
            Instant cut = asOf.isBefore(window.end()) ? asOf : window.end();
            List<TimeSpan> outages = new ArrayList<>();
            List<TimeSpan> degraded = new ArrayList<>();
            Map<String, IncidentFacts> detected = new HashMap<>();
            for (Document episode : episodesByAgent.getOrDefault(subject.agentId(), List.of())) {
                Instant start = instant(episode, "start");
                boolean resolved = known(episode, "resolvedAt", asOf);
                Instant recovered = known(episode, "recoveryKnownAt", asOf) ? instant(episode, "recoveredAt") : null;
                Instant end = recovered != null ? recovered : resolved ? instant(episode, "resolvedEnd") : null;
                TimeSpan span = new TimeSpan(start, max(start, end == null ? cut : end));
                IncidentKind kind = IncidentKind.valueOf(episode.getString("kind"));
                if (kind == IncidentKind.OUTAGE) {
                    outages.add(span);
                } else if (kind == IncidentKind.DEGRADED) {
                    degraded.add(span);
                }
                Instant detectedAt = instant(episode, "detectedAt");
                if (!detectedAt.isBefore(window.start()) && detectedAt.isBefore(window.end())) {
                    detected.merge(episode.getString("incidentId"), new IncidentFacts(episode.getString("incidentId"),
                            detectedAt, instant(episode, "openedAt"),
                            known(episode, "acknowledgedAt", asOf) ? instant(episode, "acknowledgedAt") : null,
                            resolved ? instant(episode, "resolvedEnd") : null, recovered),
                            (first, later) -> first.detectedAt().isBefore(later.detectedAt()) ? first : later);
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
                Document counts = (Document) recorded.getValue();
                for (int i = 0; i < COUNTERS.length; i++) {
                    Number n = counts.get(COUNTERS[i], Number.class);
                    c[i] += n == null ? 0 : n.longValue();
                }
            }
        }
        return new CallTally(c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
    }

    private static final String[] COUNTERS = {"answered", "transferred", "missed", "dropped", "transferFailed",
            "abandoned", "outbound"};

    /** The counter a call adds to: its outcome if inbound, {@code outbound} otherwise. */
    static String counter(CallDirection direction, CallOutcome outcome) {
        if (direction == CallDirection.OUTBOUND) {
            return "outbound";
        }
        return switch (outcome) {
            case ANSWERED -> "answered";
            case TRANSFERRED -> "transferred";
            case MISSED -> "missed";
            case DROPPED -> "dropped";
            case TRANSFER_FAILED -> "transferFailed";
            case ABANDONED -> "abandoned";
        };
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
