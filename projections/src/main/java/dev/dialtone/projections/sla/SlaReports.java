package dev.dialtone.projections.sla;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.reactivestreams.client.FindPublisher;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads what SLA reports need for a set of agents in three queries (episodes, maintenance, calls), applies "as of"
 * (a fact counts only if it was recorded by then), and hands the rest to {@link SlaCalculator}.
 */
final class SlaReports {

    private static final Duration QUARTER = Duration.ofMinutes(15);
    /** {@code sla_calls} fields: the version marker, and the counters by recording time, quarter and day. */
    static final String VERSION = "v";
    static final Integer WITH_TOTALS = 2;
    static final String BUCKETS = "q";
    static final String QUARTER_TOTALS = "t";
    static final String DAY_TOTALS = "d";

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
        // reports of everything known read the day and quarter totals; "as of" reports the recording-time buckets
        boolean allKnown = query.latest();
        Map<String, Document> days = new HashMap<>();
        Bson dayFields = allKnown ? Projections.include(VERSION, DAY_TOTALS) : Projections.include(BUCKETS);
        Bson scope;
        if (one) {
            FindSlaReportsQuery.Subject subject = query.subjects().get(0);
            scope = Filters.in("_id", daysOf(subject.window()).stream().map(day -> dayId(subject.agentId(), day))
                    .toList());
        } else {
            scope = Filters.and(Filters.eq("tenant", query.tenant().value()),
                    Filters.gte("day", Date.from(earliest.minus(Duration.ofDays(1)))),
                    Filters.lt("day", Date.from(latest)));
        }
        collect(calls.find(scope).projection(dayFields), days);
        if (allKnown) {
            fetchDetail(query, one, scope, days);
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
            for (Instant dayStart : daysOf(window)) {
                Document doc = days.get(dayId(subject.agentId(), dayStart));
                if (doc != null) {
                    tally = tally.plus(dayTally(doc, dayStart, window, allKnown ? null : asOf));
                }
            }
            reports.add(SlaCalculator.report(subject.agentId(), window, asOf, subject.sloTarget(),
                    subject.leadValue(), outages, degraded, planned, List.copyOf(detected.values()), tally));
        }
        return reports;
    }

    /**
     * Adds what a report of everything known needs beyond the day totals: the quarter totals of days a window cuts,
     * and the recording-time buckets of documents begun before there were totals. For many agents both are read by
     * day or by the first query's filter again, not by lists of ids, which the embedded server looks up one by one.
     */
    private void fetchDetail(FindSlaReportsQuery query, boolean one, Bson scope, Map<String, Document> days) {
        List<String> cut = new ArrayList<>();
        Set<Date> cutDays = new HashSet<>();
        List<String> legacy = new ArrayList<>();
        for (FindSlaReportsQuery.Subject subject : query.subjects()) {
            TimeSpan window = subject.window();
            for (Instant dayStart : daysOf(window)) {
                String id = dayId(subject.agentId(), dayStart);
                Document doc = days.get(id);
                if (doc == null) {
                    continue;
                }
                if (!withTotals(doc)) {
                    legacy.add(id);
                } else if (!within(dayStart, window)) {
                    cut.add(id);
                    cutDays.add(Date.from(dayStart));
                }
            }
        }
        if (!cut.isEmpty()) {
            collect(calls.find(one ? Filters.in("_id", cut) : Filters.and(
                    Filters.eq("tenant", query.tenant().value()), Filters.in("day", cutDays)))
                    .projection(Projections.include(QUARTER_TOTALS)), days);
        }
        if (!legacy.isEmpty()) {
            collect(calls.find(one ? Filters.in("_id", legacy) : scope).projection(Projections.include(BUCKETS)), days);
        }
    }

    /** The UTC days a window touches, by the instant each begins. */
    private static List<Instant> daysOf(TimeSpan window) {
        List<Instant> days = new ArrayList<>();
        Instant first = LocalDate.ofInstant(window.start(), ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (Instant day = first; day.isBefore(window.end()); day = day.plus(Duration.ofDays(1))) {
            days.add(day);
        }
        return days;
    }

    /** The {@code sla_calls} document of an agent's UTC day, as {@link SlaProjection} names it. */
    private static String dayId(String agentId, Instant dayStart) {
        return agentId + "|" + LocalDate.ofInstant(dayStart, ZoneOffset.UTC);
    }

    /** Adds the documents found, or their fields to the same documents read before. */
    private static void collect(FindPublisher<Document> find, Map<String, Document> into) {
        Flux.from(find).doOnNext(found -> into.merge(found.getString("_id"), found, (known, more) -> {
            known.putAll(more);
            return known;
        })).blockLast();
    }

    /**
     * The calls of one day document inside the window: for "as of" reports (and documents without totals) from the
     * recording-time buckets, else from the day totals, or the quarter totals when the window cuts the day.
     */
    private static CallTally dayTally(Document doc, Instant dayStart, TimeSpan window, Instant asOf) {
        if (asOf != null || !withTotals(doc)) {
            return buckets(doc, dayStart, window, asOf);
        }
        return within(dayStart, window) ? counts(doc.get(DAY_TOTALS, Document.class)) : quarters(doc, dayStart, window);
    }

    private static boolean withTotals(Document day) {
        return WITH_TOTALS.equals(day.get(VERSION));
    }

    /** Whether the whole UTC day starting at {@code dayStart} lies inside the window. */
    private static boolean within(Instant dayStart, TimeSpan window) {
        return !dayStart.isBefore(window.start()) && !dayStart.plus(Duration.ofDays(1)).isAfter(window.end());
    }

    /** Calls of one day whose quarter hour starts inside the window, from the quarter totals. */
    private static CallTally quarters(Document day, Instant dayStart, TimeSpan window) {
        Document quarters = day.get(QUARTER_TOTALS, Document.class);
        long[] c = new long[COUNTERS.size() + 1];
        if (quarters != null) {
            for (Map.Entry<String, Object> q : quarters.entrySet()) {
                if (inWindow(dayStart, q.getKey(), window)) {
                    add(c, (Document) q.getValue());
                }
            }
        }
        return tally(c);
    }

    private static CallTally counts(Document counters) {
        long[] c = new long[COUNTERS.size() + 1];
        if (counters != null) {
            add(c, counters);
        }
        return tally(c);
    }

    /**
     * Calls of one day document whose quarter hour starts inside the window and that were known by {@code asOf}
     * (all of them if null), from the recording-time buckets.
     */
    private static CallTally buckets(Document day, Instant dayStart, TimeSpan window, Instant asOf) {
        Document quarters = day.get(BUCKETS, Document.class);
        long[] c = new long[COUNTERS.size() + 1];
        if (quarters == null) {
            return CallTally.NONE;
        }
        for (Map.Entry<String, Object> q : quarters.entrySet()) {
            if (!inWindow(dayStart, q.getKey(), window)) {
                continue;
            }
            Instant quarterStart = dayStart.plus(QUARTER.multipliedBy(Long.parseLong(q.getKey())));
            for (Map.Entry<String, Object> recorded : ((Document) q.getValue()).entrySet()) {
                // known this many minutes after the quarter began
                if (asOf != null && quarterStart.plus(Duration.ofMinutes(Long.parseLong(recorded.getKey())))
                        .isAfter(asOf)) {
                    continue;
                }
                add(c, (Document) recorded.getValue());
            }
        }
        return tally(c);
    }

    private static boolean inWindow(Instant dayStart, String quarter, TimeSpan window) {
        Instant quarterStart = dayStart.plus(QUARTER.multipliedBy(Long.parseLong(quarter)));
        return !quarterStart.isBefore(window.start()) && quarterStart.isBefore(window.end());
    }

    private static void add(long[] c, Document counters) {
        for (Map.Entry<String, Object> count : counters.entrySet()) {
            // outbound calls are kept by outcome too, and reported in total
            Integer index = COUNTER_INDEX.get(count.getKey());
            c[index != null ? index : OUTBOUND] += ((Number) count.getValue()).longValue();
        }
    }

    private static CallTally tally(long[] c) {
        return new CallTally(c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
    }

    /** The inbound counters in {@link CallTally}'s order; every other counter is an outbound one. */
    private static final List<String> COUNTERS = List.of("answered", "transferred", "missed", "dropped",
            "transferFailed", "abandoned");
    private static final Map<String, Integer> COUNTER_INDEX = COUNTERS.stream()
            .collect(Collectors.toUnmodifiableMap(name -> name, COUNTERS::indexOf));
    private static final int OUTBOUND = COUNTERS.size();

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
