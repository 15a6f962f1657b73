package dev.dialtone.domain.detection;

import dev.dialtone.domain.agent.api.AgentConfiguration;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.BusinessHours;
import dev.dialtone.domain.agent.api.DetectionSettings;
import dev.dialtone.domain.agent.api.MaintenanceWindow;
import dev.dialtone.domain.incident.api.IncidentKind;
import dev.dialtone.domain.incident.api.Severity;
import dev.dialtone.domain.signal.api.CallDirection;
import dev.dialtone.domain.signal.api.CallOutcome;
import dev.dialtone.domain.signal.api.CallOutcomeRecordedEvent;
import dev.dialtone.domain.signal.api.FailoverActionKind;
import dev.dialtone.domain.signal.api.FailoverActionRecordedEvent;
import dev.dialtone.domain.signal.api.HealthCheckRecordedEvent;
import dev.dialtone.domain.signal.api.HealthStatus;
import dev.dialtone.domain.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class AgentMonitorTest {

    private static final AgentId AGENT = new AgentId("smith-law-intake");
    private static final TenantId TENANT = new TenantId("smith-law");
    private static final Instant T0 = Instant.parse("2026-11-25T03:00:00Z");

    private int sequence;

    @Test
    void anOutageOpensOnceAndResolvesItselfOnRecovery() {
        AgentMonitor monitor = monitor(true);
        assertThat(check(monitor, HealthStatus.DOWN, 0)).isEmpty();
        List<Decision> opened = check(monitor, HealthStatus.DOWN, 30);
        assertThat(opened).singleElement().isInstanceOfSatisfying(Decision.Open.class, open -> {
            assertThat(open.kind()).isEqualTo(IncidentKind.OUTAGE);
            assertThat(open.incidentId()).isEqualTo("smith-law-intake-1");
            assertThat(open.detectedAt()).isEqualTo(T0.plusSeconds(30));
            assertThat(open.startedAt()).isEqualTo(T0);
            assertThat(open.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(open.evidence()).hasSize(2);
        });
        assertThat(check(monitor, HealthStatus.DOWN, 60)).singleElement().isInstanceOf(Decision.AddEvidence.class);
        check(monitor, HealthStatus.UP, 90);
        assertThat(check(monitor, HealthStatus.UP, 120)).singleElement()
                .isInstanceOfSatisfying(Decision.Recover.class, recover -> {
                    assertThat(recover.recoveredAt()).isEqualTo(T0.plusSeconds(90));
                    assertThat(recover.autoResolve()).isTrue();
                });
    }

    @Test
    void aRecurrenceWithinTheReopenWindowReopensTheLastIncident() {
        AgentMonitor monitor = monitor(true);
        outageAndRecovery(monitor, 0);
        List<Decision> again = outage(monitor, 300);
        assertThat(again).singleElement().isInstanceOfSatisfying(Decision.Reopen.class,
                reopen -> assertThat(reopen.incidentId()).isEqualTo("smith-law-intake-1"));
        recovery(monitor, 400);
        List<Decision> later = outage(monitor, 400 + 11 * 60);
        assertThat(later).singleElement().isInstanceOfSatisfying(Decision.Open.class,
                open -> assertThat(open.incidentId()).isEqualTo("smith-law-intake-2"));
    }

    @Test
    void consecutiveFailedCallsPageOnceAsAnOutageNotThreeTimes() {
        AgentMonitor monitor = monitor(true);
        goodCalls(monitor, 0, 3600, 10); // an hour of history, so budget-burn windows are in play
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            decisions.addAll(call(monitor, CallOutcome.DROPPED, 3600 + i));
        }
        assertThat(decisions.stream().filter(d -> d instanceof Decision.Open).map(d -> ((Decision.Open) d).kind()))
                .containsExactly(IncidentKind.OUTAGE);
        decisions.clear();
        decisions.addAll(goodCalls(monitor, 3620, 3620 + 600, 10));
        assertThat(decisions).filteredOn(d -> d instanceof Decision.Recover).hasSize(1);
        assertThat(decisions).noneMatch(d -> d instanceof Decision.Open);
    }

    @Test
    void aRisingShareOfDroppedCallsOpensDegraded() {
        AgentMonitor monitor = monitor(true);
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < 200 && decisions.isEmpty(); i++) {
            decisions.addAll(call(monitor, i % 5 == 4 ? CallOutcome.DROPPED : CallOutcome.ANSWERED, i * 60));
        }
        assertThat(decisions).singleElement().isInstanceOfSatisfying(Decision.Open.class, open -> {
            assertThat(open.kind()).isEqualTo(IncidentKind.DEGRADED);
            assertThat(open.severity()).isEqualTo(Severity.ERROR);
            assertThat(open.startedAt()).isBefore(open.detectedAt());
        });
    }

    @Test
    void nothingNewOpensInsideMaintenanceButAProblemStillThereAfterwardsDoes() {
        AgentMonitor monitor = monitor(true);
        monitor.scheduleMaintenance(new MaintenanceWindow("deploy", T0, T0.plusSeconds(600), "release 42"));
        assertThat(outage(monitor, 0)).isEmpty();
        assertThat(check(monitor, HealthStatus.DOWN, 300)).isEmpty();
        List<Decision> after = check(monitor, HealthStatus.DOWN, 600);
        assertThat(after).singleElement().isInstanceOfSatisfying(Decision.Open.class, open -> {
            assertThat(open.detectedAt()).isEqualTo(T0.plusSeconds(600));
            assertThat(open.startedAt()).isEqualTo(T0);
        });
    }

    @Test
    void whenAPersonResolvesTheDetectorNeedsFreshEvidence() {
        AgentMonitor monitor = monitor(true);
        outage(monitor, 0);
        monitor.onIncidentResolved("smith-law-intake-1", T0.plusSeconds(60));
        assertThat(check(monitor, HealthStatus.DOWN, 90)).isEmpty();
        assertThat(check(monitor, HealthStatus.DOWN, 120)).singleElement().isInstanceOf(Decision.Reopen.class);
    }

    @Test
    void withManualResolutionRecoveryIsOnlyNotedAndARelapseJoinsTheOpenIncident() {
        AgentMonitor monitor = monitor(false);
        outage(monitor, 0);
        List<Decision> recovered = recovery(monitor, 100);
        assertThat(recovered).singleElement().isInstanceOfSatisfying(Decision.Recover.class,
                recover -> assertThat(recover.autoResolve()).isFalse());
        List<Decision> relapse = outage(monitor, 200);
        assertThat(relapse).singleElement().isInstanceOfSatisfying(Decision.AddEvidence.class,
                add -> assertThat(add.incidentId()).isEqualTo("smith-law-intake-1"));
    }

    @Test
    void silenceInsideBusinessHoursOpensAndTheNextCallEndsIt() {
        AgentMonitor monitor = monitor(true);
        List<Decision> armed = monitor.start();
        assertThat(armed).singleElement().isInstanceOfSatisfying(Decision.ArmSilenceCheck.class,
                arm -> assertThat(arm.dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(30))));
        call(monitor, CallOutcome.ANSWERED, 600); // activity moves the deadline; the armed timer re-checks
        assertThat(monitor.onSilenceCheck(T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofMinutes(30))))
                .singleElement().isInstanceOfSatisfying(Decision.ArmSilenceCheck.class,
                        arm -> assertThat(arm.dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(40))));
        assertThat(monitor.onSilenceCheck(T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofMinutes(30))))
                .as("a timer that fires twice is ignored the second time").isEmpty();
        List<Decision> silent = monitor.onSilenceCheck(T0.plus(Duration.ofMinutes(40)),
                T0.plus(Duration.ofMinutes(41)));
        assertThat(silent).singleElement().isInstanceOfSatisfying(Decision.Open.class, open -> {
            assertThat(open.kind()).isEqualTo(IncidentKind.SILENCE);
            assertThat(open.detectedAt()).isEqualTo(T0.plus(Duration.ofMinutes(40)));
            assertThat(open.startedAt()).isEqualTo(T0.plusSeconds(600));
        });
        List<Decision> back = monitor.onCall(callEvent(CallOutcome.ANSWERED, 45 * 60));
        assertThat(back).anySatisfy(d -> assertThat(d).isInstanceOfSatisfying(Decision.Recover.class,
                recover -> assertThat(recover.recoveredAt()).isEqualTo(T0.plus(Duration.ofMinutes(45)))));
        assertThat(back).anyMatch(d -> d instanceof Decision.ArmSilenceCheck);
    }

    @Test
    void silenceDuringMaintenanceOpensWhenTheWindowEnds() {
        AgentMonitor monitor = monitor(true);
        monitor.start();
        monitor.scheduleMaintenance(new MaintenanceWindow("night-work", T0.plus(Duration.ofMinutes(20)),
                T0.plus(Duration.ofMinutes(90)), "carrier migration"));
        List<Decision> during = monitor.onSilenceCheck(T0.plus(Duration.ofMinutes(30)),
                T0.plus(Duration.ofMinutes(30)));
        assertThat(during).singleElement().isInstanceOfSatisfying(Decision.ArmSilenceCheck.class,
                arm -> assertThat(arm.dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(90))));
        List<Decision> after = monitor.onSilenceCheck(T0.plus(Duration.ofMinutes(90)),
                T0.plus(Duration.ofMinutes(90)));
        assertThat(after).singleElement().isInstanceOfSatisfying(Decision.Open.class, open -> {
            assertThat(open.kind()).isEqualTo(IncidentKind.SILENCE);
            assertThat(open.startedAt()).isEqualTo(T0);
        });
    }

    @Test
    void platformFailoverActionsJoinTheOpenOutage() {
        AgentMonitor monitor = monitor(true);
        outage(monitor, 0);
        List<Decision> decisions = monitor.onFailoverAction(new FailoverActionRecordedEvent("fo-1", TENANT, AGENT,
                T0.plusSeconds(40), FailoverActionKind.ACTIVATED, "+14155550199", "twilio-studio", "api"));
        assertThat(decisions).singleElement().isInstanceOfSatisfying(Decision.AddEvidence.class, add ->
                assertThat(add.evidence().get(0).summary()).contains("ACTIVATED", "twilio-studio"));
    }

    @Test
    void aVendorsStatusPageSupportsAnOpenOutageButNeverOpensOrEndsOne() {
        AgentMonitor monitor = monitor(true);
        for (int second = 0; second < 120; second += 30) {
            assertThat(aboutIncidents(monitor.onHealthCheck(vendorEvent(HealthStatus.DOWN, second))))
                    .as("a vendor outage alone is no incident").isEmpty();
        }
        outage(monitor, 200);
        List<Decision> supported = monitor.onHealthCheck(vendorEvent(HealthStatus.DOWN, 260));
        assertThat(supported).singleElement().isInstanceOfSatisfying(Decision.AddEvidence.class, add ->
                assertThat(add.evidence().get(0).summary()).contains("openai-status DOWN", "major_outage"));
        assertThat(aboutIncidents(monitor.onHealthCheck(vendorEvent(HealthStatus.UP, 290))))
                .as("the vendor recovering does not mean the line answers").isEmpty();
        assertThat(aboutIncidents(monitor.onHealthCheck(vendorEvent(HealthStatus.UP, 320)))).isEmpty();
    }

    @Test
    void stateSurvivesEncodingAtAnyPointForThousandsOfGeneratedSignals() {
        SplittableRandom random = new SplittableRandom(8);
        for (int scenario = 0; scenario < 60; scenario++) {
            AgentMonitor continuous = monitor(random.nextBoolean());
            AgentMonitor restarted = AgentMonitorCodec.decode(AGENT, continuous.configuration(),
                    AgentMonitorCodec.encode(continuous));
            int t = 0;
            for (int i = 0; i < 400; i++) {
                t += 1 + random.nextInt(90);
                int kind = random.nextInt(10);
                double badShare = (i / 100) % 2 == 0 ? 0.05 : 0.6;
                List<Decision> expected;
                List<Decision> actual;
                if (kind < 6) {
                    CallOutcome outcome = random.nextDouble() < badShare ? CallOutcome.DROPPED : CallOutcome.ANSWERED;
                    CallOutcomeRecordedEvent call = callEvent(outcome, t);
                    expected = continuous.onCall(call);
                    actual = restarted.onCall(call);
                } else if (kind < 9) {
                    HealthCheckRecordedEvent check = checkEvent(random.nextDouble() < badShare
                            ? HealthStatus.DOWN : HealthStatus.UP, t);
                    expected = continuous.onHealthCheck(check);
                    actual = restarted.onHealthCheck(check);
                } else {
                    Instant now = T0.plusSeconds(t);
                    expected = continuous.onSilenceCheck(null, now);
                    actual = restarted.onSilenceCheck(null, now);
                }
                assertThat(actual).as("scenario %d signal %d", scenario, i).isEqualTo(expected);
                byte[] encoded = AgentMonitorCodec.encode(restarted);
                restarted = AgentMonitorCodec.decode(AGENT, restarted.configuration(), encoded);
                assertThat(AgentMonitorCodec.encode(restarted)).isEqualTo(encoded);
            }
        }
    }

    private AgentMonitor monitor(boolean autoResolve) {
        DetectionSettings detection = new DetectionSettings(2, 2, 5, 3, 0.03, 0.15, Duration.ofMinutes(30),
                Duration.ofMinutes(10), autoResolve);
        AgentConfiguration configuration = new AgentConfiguration("Intake", List.of(), 99.9, ZoneId.of("UTC"),
                BusinessHours.ALWAYS, null, null, null, 95.0, 450.0, detection, Map.of(), Map.of());
        return new AgentMonitor(AGENT, configuration, T0);
    }

    private List<Decision> outage(AgentMonitor monitor, int at) {
        List<Decision> decisions = new ArrayList<>(check(monitor, HealthStatus.DOWN, at));
        decisions.addAll(check(monitor, HealthStatus.DOWN, at + 30));
        return decisions;
    }

    private List<Decision> recovery(AgentMonitor monitor, int at) {
        List<Decision> decisions = new ArrayList<>(check(monitor, HealthStatus.UP, at));
        decisions.addAll(check(monitor, HealthStatus.UP, at + 30));
        return decisions;
    }

    private void outageAndRecovery(AgentMonitor monitor, int at) {
        outage(monitor, at);
        recovery(monitor, at + 60);
    }

    private List<Decision> goodCalls(AgentMonitor monitor, int from, int to, int every) {
        List<Decision> decisions = new ArrayList<>();
        for (int t = from; t < to; t += every) {
            decisions.addAll(call(monitor, CallOutcome.ANSWERED, t));
        }
        return decisions;
    }

    private List<Decision> check(AgentMonitor monitor, HealthStatus status, int second) {
        return aboutIncidents(monitor.onHealthCheck(checkEvent(status, second)));
    }

    private List<Decision> call(AgentMonitor monitor, CallOutcome outcome, int second) {
        return aboutIncidents(monitor.onCall(callEvent(outcome, second)));
    }

    /** Silence timers are re-armed by any activity; tests about incidents leave them out. */
    private static List<Decision> aboutIncidents(List<Decision> decisions) {
        return decisions.stream().filter(d -> !(d instanceof Decision.ArmSilenceCheck)).toList();
    }

    private HealthCheckRecordedEvent checkEvent(HealthStatus status, int second) {
        return new HealthCheckRecordedEvent("h-" + (++sequence), TENANT, AGENT, "sip-options",
                T0.plusSeconds(second), status, 100L, null, "api");
    }

    private HealthCheckRecordedEvent vendorEvent(HealthStatus status, int second) {
        return new HealthCheckRecordedEvent("v-" + (++sequence), TENANT, AGENT, "openai-status",
                T0.plusSeconds(second), status, 80L, "openai: Chat Completions major_outage",
                HealthCheckRecordedEvent.VENDOR_SOURCE_PREFIX + "openai");
    }

    private CallOutcomeRecordedEvent callEvent(CallOutcome outcome, int second) {
        String id = "c-" + (++sequence);
        return new CallOutcomeRecordedEvent(id, TENANT, AGENT, id, T0.plusSeconds(second), CallDirection.INBOUND,
                outcome, 30.0, null, "api");
    }
}
