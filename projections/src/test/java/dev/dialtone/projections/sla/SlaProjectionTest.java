package dev.dialtone.projections.sla;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.MaintenanceCancelledEvent;
import dev.dialtone.domain.agent.api.MaintenanceScheduledEvent;
import dev.dialtone.domain.agent.api.MaintenanceWindow;
import dev.dialtone.domain.incident.api.IncidentAcknowledgedEvent;
import dev.dialtone.domain.incident.api.IncidentId;
import dev.dialtone.domain.incident.api.IncidentKind;
import dev.dialtone.domain.incident.api.IncidentOpenedEvent;
import dev.dialtone.domain.incident.api.IncidentRecoveryObservedEvent;
import dev.dialtone.domain.incident.api.IncidentReopenedEvent;
import dev.dialtone.domain.incident.api.IncidentResolvedEvent;
import dev.dialtone.domain.incident.api.Severity;
import dev.dialtone.domain.signal.api.CallDirection;
import dev.dialtone.domain.signal.api.CallOutcome;
import dev.dialtone.domain.signal.api.CallOutcomeRecordedEvent;
import dev.dialtone.domain.sla.CallTally;
import dev.dialtone.domain.sla.FindSlaReportsQuery;
import dev.dialtone.domain.sla.SlaReport;
import dev.dialtone.domain.sla.TimeSpan;
import dev.dialtone.domain.tenancy.TenantId;
import dev.dialtone.projections.GuardedCounters;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The SLA projection fed events as the tracking processor would (with their recording times and positions), read
 * back through its query handler against a MongoDB-wire server. The expectations are worked out by hand in the
 * comments: November 2026 has 2,592,000 seconds, the target is 99.9 % and a lead is worth 100.
 */
class SlaProjectionTest {

    private static final TenantId TENANT = new TenantId("smith-law");
    private static final AgentId AGENT = new AgentId("front-desk");
    private static final Instant T0 = Instant.parse("2026-11-10T10:00:00Z");
    private static final TimeSpan NOVEMBER = new TimeSpan(Instant.parse("2026-11-01T00:00:00Z"),
            Instant.parse("2026-12-01T00:00:00Z"));
    private static final TimeSpan OCTOBER = new TimeSpan(Instant.parse("2026-10-01T00:00:00Z"),
            Instant.parse("2026-11-01T00:00:00Z"));

    private MongoServer server;
    private MongoClient client;
    private SlaProjection projection;
    private AnnotationEventHandlerAdapter adapter;
    private final List<TrackedEventMessage<?>> history = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        projection = new SlaProjection(client.getDatabase("dialtone"));
        adapter = new AnnotationEventHandlerAdapter(projection);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void lateFactsRestateTheReportButAnEarlierAsOfStillAnswersAsBefore() throws Exception {
        recordNovemberHistory();

        // as of Nov 15: maintenance T0+20m..T0+40m (1,200 s) cuts the outage T0..T0+30m to 1,200 s down;
        // counted time 2,592,000 - 1,200 = 2,590,800 s; allowed 0.1 % of it = 2,590.8 s
        SlaReport nov15 = report(NOVEMBER, Instant.parse("2026-11-15T00:00:00Z"));
        assertThat(nov15.maintenanceSeconds()).isEqualTo(1200.0);
        assertThat(nov15.downtimeSeconds()).isEqualTo(1200.0);
        assertThat(nov15.allowedDowntimeSeconds()).isCloseTo(2590.8, within(1e-9));
        assertThat(nov15.uptimePercent()).isCloseTo(99.9536822603057, within(1e-9));
        assertThat(nov15.errorBudgetRemaining()).isCloseTo(0.5368226030569708, within(1e-12));
        assertThat(nov15.incidents()).isEqualTo(1);
        assertThat(nov15.mttaSeconds()).isEqualTo(300.0);   // opened T0+2m, acknowledged T0+7m
        assertThat(nov15.mttrSeconds()).isEqualTo(1740.0);  // detected T0+1m, recovered T0+30m
        assertThat(nov15.calls()).isEqualTo(new CallTally(1, 0, 1, 0, 0, 0, 0));
        assertThat(nov15.callSuccessRate()).isEqualTo(50.0);
        assertThat(nov15.missedLeads()).isEqualTo(1);
        assertThat(nov15.estimatedLostRevenue()).isEqualTo(100.0);
        assertThat(nov15.slaMet()).isTrue();

        // the dropped call at T0+10m was only reported on Nov 20: a report as of Nov 20 noon counts it
        SlaReport nov20 = report(NOVEMBER, Instant.parse("2026-11-20T12:00:00Z"));
        assertThat(nov20.calls()).isEqualTo(new CallTally(1, 0, 1, 1, 0, 0, 0));
        assertThat(nov20.missedLeads()).isEqualTo(2);
        assertThat(nov20.estimatedLostRevenue()).isEqualTo(200.0);
        assertThat(nov20.callSuccessRate()).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(nov20.uptimePercent()).isEqualTo(nov15.uptimePercent());

        // Nov 21: the window was moved to T0+25m..T0+40m (900 s) and another hour planned on Nov 15:
        // 4,500 s of maintenance, 1,500 s down of 2,587,500 counted
        SlaReport nov21 = report(NOVEMBER, Instant.parse("2026-11-21T12:00:00Z"));
        assertThat(nov21.maintenanceSeconds()).isEqualTo(4500.0);
        assertThat(nov21.downtimeSeconds()).isEqualTo(1500.0);
        assertThat(nov21.uptimePercent()).isCloseTo(99.94202898550725, within(1e-9));

        // now: the extra hour was cancelled on Nov 22: 900 s of maintenance, 2,591,100 counted
        SlaReport latest = latest(NOVEMBER);
        assertThat(latest.maintenanceSeconds()).isEqualTo(900.0);
        assertThat(latest.downtimeSeconds()).isEqualTo(1500.0);
        assertThat(latest.uptimePercent()).isCloseTo(99.94210952877157, within(1e-9));
        assertThat(latest.errorBudgetRemaining()).isCloseTo(0.421095287715642, within(1e-12));

        // asking again as of Nov 15 answers exactly as it did before the late facts arrived
        assertThat(report(NOVEMBER, Instant.parse("2026-11-15T00:00:00Z"))).isEqualTo(nov15);
    }

    @Test
    void anOpenOutageCountsUntilAsOfAndCallsCountFromTheMinuteAfterTheyWereRecorded() throws Exception {
        recordNovemberHistory();

        // T0+4m: the outage (started T0) is open and not yet acknowledged; the missed call at T0+5m is in the future
        SlaReport early = report(NOVEMBER, T0.plus(Duration.ofMinutes(4)));
        assertThat(early.downtimeSeconds()).isEqualTo(240.0);
        assertThat(early.incidents()).isEqualTo(1);
        assertThat(early.mttaSeconds()).isNull();
        assertThat(early.mttrSeconds()).isNull();
        assertThat(early.calls()).isEqualTo(new CallTally(1, 0, 0, 0, 0, 0, 0));

        // the missed call at T0+5m was recorded at T0+5m5s: known from T0+6m on, to the minute
        assertThat(report(NOVEMBER, T0.plus(Duration.ofSeconds(330))).calls().missed()).isZero();
        SlaReport later = report(NOVEMBER, T0.plus(Duration.ofMinutes(10)));
        assertThat(later.calls().missed()).isEqualTo(1);
        assertThat(later.downtimeSeconds()).isEqualTo(600.0);
        assertThat(later.mttaSeconds()).isEqualTo(300.0);
    }

    @Test
    void redeliveredEventsAndARebuildChangeNothing() throws Exception {
        recordNovemberHistory();
        SlaReport before = latest(NOVEMBER);

        for (TrackedEventMessage<?> event : List.copyOf(history)) {
            handle(event);   // a processor that crashed before storing its token sees its batch again
        }
        assertThat(latest(NOVEMBER)).isEqualTo(before);

        adapter.prepareReset(null);
        assertThat(latest(NOVEMBER).calls()).isEqualTo(CallTally.NONE);
        for (TrackedEventMessage<?> event : List.copyOf(history)) {
            handle(event);
        }
        assertThat(latest(NOVEMBER)).isEqualTo(before);
    }

    @Test
    void anOutageAcrossTheMonthEndCountsInBothMonthsAndAsAnIncidentWhereItWasDetected() throws Exception {
        IncidentId id = new IncidentId("front-desk-1");
        record(opened(id, Instant.parse("2026-10-31T23:50:00Z"), Instant.parse("2026-10-31T23:52:00Z")),
                Instant.parse("2026-10-31T23:52:01Z"));
        record(resolved(id, Instant.parse("2026-11-01T00:20:00Z")), Instant.parse("2026-11-01T00:21:00Z"));

        SlaReport october = latest(OCTOBER);
        assertThat(october.downtimeSeconds()).isEqualTo(600.0);
        assertThat(october.incidents()).isEqualTo(1);
        assertThat(october.mttrSeconds()).isEqualTo(1680.0);
        SlaReport november = latest(NOVEMBER);
        assertThat(november.downtimeSeconds()).isEqualTo(1200.0);
        assertThat(november.incidents()).isZero();
        assertThat(november.uptimePercent()).isCloseTo(100 * (1 - 1200.0 / 2_592_000), within(1e-9));
    }

    @Test
    void aRecoverySeenByDetectionEndsTheDowntimeThoughAPersonResolvesLaterAndAReopeningCountsAgain()
            throws Exception {
        IncidentId id = new IncidentId("front-desk-1");
        record(opened(id, T0, T0), T0.plusSeconds(1));
        record(new IncidentRecoveryObservedEvent(id, AGENT, T0.plus(Duration.ofMinutes(10)),
                T0.plus(Duration.ofMinutes(10))), T0.plus(Duration.ofMinutes(10)));
        record(new IncidentResolvedEvent(id, TENANT, AGENT, IncidentKind.OUTAGE, "alice", "fixed", false, null,
                T0.plus(Duration.ofHours(2))), T0.plus(Duration.ofHours(2)));
        Instant again = T0.plus(Duration.ofHours(3));
        record(new IncidentReopenedEvent(id, TENANT, AGENT, IncidentKind.OUTAGE, Severity.CRITICAL, again, again,
                again, List.of(), "down again", null, null), again);
        record(resolved(id, again.plus(Duration.ofMinutes(5))), again.plus(Duration.ofMinutes(6)));

        SlaReport november = latest(NOVEMBER);
        assertThat(november.downtimeSeconds()).isEqualTo(600.0 + 300.0);
        assertThat(november.incidents()).isEqualTo(1);   // one incident, reopened once
        assertThat(november.mttrSeconds()).isEqualTo(600.0);
    }

    @Test
    void aWindowWithNoDataIsAHundredPercentUp() throws Exception {
        SlaReport empty = latest(OCTOBER);
        assertThat(empty.uptimePercent()).isEqualTo(100.0);
        assertThat(empty.errorBudgetRemaining()).isEqualTo(1.0);
        assertThat(empty.allowedDowntimeSeconds()).isCloseTo(2678.4, within(1e-9));
        assertThat(empty.callSuccessRate()).isNull();
        assertThat(empty.slaMet()).isTrue();
    }

    /** One outage with maintenance across its end, a few calls, one reported late, and maintenance replanned. */
    /**
     * Reports of everything known count from the day totals, or the quarter totals where the window cuts a UTC day;
     * a day document written before there were totals (no {@code v: 2}) still counts, through its recording-time
     * buckets.
     */
    @Test
    void windowsThatCutADayCountByQuarterAndOldDayDocumentsStillCount() throws Exception {
        Instant day = Instant.parse("2026-11-12T00:00:00Z");
        record(call("k1", day.plus(Duration.ofMinutes(14)), CallOutcome.ANSWERED), day.plus(Duration.ofMinutes(15)));
        record(call("k2", day.plus(Duration.ofMinutes(15)), CallOutcome.MISSED), day.plus(Duration.ofMinutes(16)));
        record(call("k3", day.plus(Duration.ofHours(23)), CallOutcome.DROPPED), day.plus(Duration.ofHours(23)));
        record(new CallOutcomeRecordedEvent("k4", TENANT, AGENT, "k4", day.plus(Duration.ofHours(1)),
                CallDirection.OUTBOUND, CallOutcome.ANSWERED, 30.0, null, "test"), day.plus(Duration.ofHours(2)));

        // the whole day: every call
        assertThat(latest(new TimeSpan(day, day.plus(Duration.ofDays(1)))).calls())
                .isEqualTo(new CallTally(1, 0, 1, 1, 0, 0, 1));
        // from 00:15 (a quarter boundary) to 23:00: the quarter of k2 and of k4, not those of k1 and k3
        assertThat(latest(new TimeSpan(day.plus(Duration.ofMinutes(15)), day.plus(Duration.ofHours(23)))).calls())
                .isEqualTo(new CallTally(0, 0, 1, 0, 0, 0, 1));
        // a window across two days: the cut end of Nov 11 (empty) and the cut start of Nov 12
        assertThat(latest(new TimeSpan(day.minus(Duration.ofHours(8)), day.plus(Duration.ofMinutes(15)))).calls())
                .isEqualTo(new CallTally(1, 0, 0, 0, 0, 0, 0));

        // Nov 13 as an older version wrote it: recording-time buckets only (two answered, one missed)
        Mono.from(client.getDatabase("dialtone").getCollection(SlaProjection.CALLS).insertOne(
                new Document("_id", AGENT.value() + "|2026-11-13").append("agentId", AGENT.value())
                        .append("tenant", TENANT.value())
                        .append("day", Date.from(Instant.parse("2026-11-13T00:00:00Z")))
                        .append(GuardedCounters.APPLIED_INDEX, 0L)
                        .append("q", new Document("40", new Document("1", new Document("answered", 2L))
                                .append("3", new Document("missed", 1L)))))).block();
        record(call("k5", Instant.parse("2026-11-13T12:00:00Z"), CallOutcome.ANSWERED),
                Instant.parse("2026-11-13T12:01:00Z"));
        assertThat(latest(new TimeSpan(day, day.plus(Duration.ofDays(2)))).calls())
                .isEqualTo(new CallTally(4, 0, 2, 1, 0, 0, 1));
        assertThat(latest(new TimeSpan(day, day.plus(Duration.ofDays(2)))).calls())
                .isEqualTo(report(new TimeSpan(day, day.plus(Duration.ofDays(2))),
                        Instant.parse("2026-11-25T00:00:00Z")).calls());

        // the same through a tenant summary, which reads by tenant and day instead of by document id: from Nov 12
        // 00:15 the missed, dropped and outbound calls, and Nov 13 before noon the old document's three
        TimeSpan cutTwice = new TimeSpan(day.plus(Duration.ofMinutes(15)), day.plus(Duration.ofHours(36)));
        SlaReport summarized = projection.handle(new FindSlaReportsQuery(TENANT, List.of(
                new FindSlaReportsQuery.Subject(AGENT.value(), cutTwice, 99.9, 100),
                new FindSlaReportsQuery.Subject("another-agent", cutTwice, 99.9, 100)),
                Instant.parse("2026-11-25T00:00:00Z"), true)).get().get(0);
        assertThat(summarized.calls()).isEqualTo(new CallTally(2, 0, 2, 1, 0, 0, 1));
        assertThat(summarized.calls()).isEqualTo(latest(cutTwice).calls());
    }

    private void recordNovemberHistory() throws Exception {
        IncidentId id = new IncidentId("front-desk-1");
        record(new MaintenanceScheduledEvent(AGENT, new MaintenanceWindow("upgrade", T0.plus(Duration.ofMinutes(20)),
                T0.plus(Duration.ofMinutes(40)), "carrier upgrade")), Instant.parse("2026-11-09T00:00:00Z"));
        record(call("c1", T0.minus(Duration.ofHours(1)), CallOutcome.ANSWERED),
                T0.minus(Duration.ofHours(1)).plusSeconds(5));
        record(call("c2", T0.plus(Duration.ofMinutes(5)), CallOutcome.MISSED), T0.plus(Duration.ofSeconds(305)));
        record(opened(id, T0, T0.plus(Duration.ofMinutes(1))), T0.plus(Duration.ofMinutes(2)));
        record(new IncidentAcknowledgedEvent(id, TENANT, AGENT, "alice", T0.plus(Duration.ofMinutes(7))),
                T0.plus(Duration.ofMinutes(7)));
        record(resolved(id, T0.plus(Duration.ofMinutes(30))), T0.plus(Duration.ofMinutes(31)));
        record(call("c3", T0.plus(Duration.ofMinutes(10)), CallOutcome.DROPPED),
                Instant.parse("2026-11-20T00:00:00Z"));
        record(new MaintenanceScheduledEvent(AGENT, new MaintenanceWindow("upgrade", T0.plus(Duration.ofMinutes(25)),
                T0.plus(Duration.ofMinutes(40)), "moved")), Instant.parse("2026-11-21T00:00:00Z"));
        record(new MaintenanceScheduledEvent(AGENT, new MaintenanceWindow("extra",
                Instant.parse("2026-11-15T00:00:00Z"), Instant.parse("2026-11-15T01:00:00Z"), null)),
                Instant.parse("2026-11-21T00:00:00Z"));
        record(new MaintenanceCancelledEvent(AGENT, "extra"), Instant.parse("2026-11-22T00:00:00Z"));
    }

    private static CallOutcomeRecordedEvent call(String id, Instant at, CallOutcome outcome) {
        return new CallOutcomeRecordedEvent(id, TENANT, AGENT, id, at, CallDirection.INBOUND, outcome, 30.0, null,
                "test");
    }

    private static IncidentOpenedEvent opened(IncidentId id, Instant started, Instant detected) {
        return new IncidentOpenedEvent(id, TENANT, AGENT, 1, IncidentKind.OUTAGE, Severity.CRITICAL, detected,
                started, detected, List.of(), "health checks failing", "outage", null, null);
    }

    private static IncidentResolvedEvent resolved(IncidentId id, Instant recovered) {
        return new IncidentResolvedEvent(id, TENANT, AGENT, IncidentKind.OUTAGE, "detection", null, true, recovered,
                recovered.plusSeconds(60));
    }

    private void record(Object payload, Instant recordedAt) throws Exception {
        TrackedEventMessage<?> message = new GenericTrackedEventMessage<>(
                new GlobalSequenceTrackingToken(history.size()),
                new GenericEventMessage<>(new GenericMessage<>(payload), () -> recordedAt));
        history.add(message);
        handle(message);
    }

    private void handle(TrackedEventMessage<?> message) throws Exception {
        DefaultUnitOfWork.startAndGet(message).executeWithResult(() -> adapter.handle(message));
    }

    private SlaReport report(TimeSpan window, Instant asOf) throws Exception {
        return projection.handle(new FindSlaReportsQuery(TENANT,
                List.of(new FindSlaReportsQuery.Subject(AGENT.value(), window, 99.9, 100)), asOf, false)).get().get(0);
    }

    private SlaReport latest(TimeSpan window) throws Exception {
        return projection.handle(new FindSlaReportsQuery(TENANT,
                List.of(new FindSlaReportsQuery.Subject(AGENT.value(), window, 99.9, 100)),
                Instant.parse("2026-11-25T00:00:00Z"), true)).get().get(0);
    }
}
