package dev.dialtone.domain.escalation;

import dev.dialtone.domain.escalation.api.EscalationLevel;
import dev.dialtone.domain.escalation.api.EscalationPolicyId;
import dev.dialtone.domain.escalation.api.EscalationPolicyRevisedEvent;
import dev.dialtone.domain.escalation.api.PolicyDefinition;
import dev.dialtone.domain.incident.IncidentFixtures;
import dev.dialtone.domain.incident.api.EscalationPlan;
import dev.dialtone.domain.incident.api.EscalationTrigger;
import dev.dialtone.domain.incident.api.IncidentAcknowledgedEvent;
import dev.dialtone.domain.incident.api.IncidentEscalationRequestedEvent;
import dev.dialtone.domain.incident.api.IncidentKind;
import dev.dialtone.domain.incident.api.IncidentResolvedEvent;
import dev.dialtone.domain.incident.api.IncidentSeverityRaisedEvent;
import dev.dialtone.domain.incident.api.NotifyEscalationLevelCommand;
import dev.dialtone.domain.incident.api.RecordEscalationExhaustedCommand;
import dev.dialtone.domain.incident.api.Severity;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.dialtone.domain.incident.IncidentFixtures.AGENT;
import static dev.dialtone.domain.incident.IncidentFixtures.INCIDENT;
import static dev.dialtone.domain.incident.IncidentFixtures.OPENED;
import static dev.dialtone.domain.incident.IncidentFixtures.TENANT;
import static dev.dialtone.domain.incident.IncidentFixtures.outage;
import static dev.dialtone.domain.incident.IncidentFixtures.plan;

/** A fresh fixture per path through the ladder. */
class EscalationSagaTest {

    private SagaTestFixture<EscalationSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(EscalationSaga.class);
        fixture.setCallbackBehavior((command, metaData) -> null);
        fixture.withTransienceCheckDisabled();
    }

    @Test
    void notifiesLevelOneAndStartsItsAckTimeoutWhenTheIncidentOpens() {
        fixture.givenCurrentTime(OPENED)
                .whenPublishingA(outage())
                .expectActiveSagas(1)
                .expectDispatchedCommands(notify(1, 1, EscalationTrigger.OPENED, OPENED))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(5), EscalationSaga.ACK_TIMEOUT);
    }

    @Test
    void anAcknowledgementBeforeTheTimeoutStopsTheLadder() {
        fixture.givenCurrentTime(OPENED)
                .andThenAPublished(outage())
                .whenPublishingA(new IncidentAcknowledgedEvent(INCIDENT, TENANT, AGENT, "alice", OPENED.plusSeconds(90)))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
    }

    @Test
    void escalatesToTheNextLevelWhenTheAckTimeoutPasses() {
        fixture.givenCurrentTime(OPENED)
                .andThenAPublished(outage())
                .whenTimeElapses(Duration.ofMinutes(5))
                .expectDispatchedCommands(notify(2, 1, EscalationTrigger.ACK_TIMEOUT, OPENED.plus(Duration.ofMinutes(5))))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(10), EscalationSaga.ACK_TIMEOUT);
    }

    @Test
    void repeatRunsTheLadderAgainThenRecordsThatItIsExhausted() {
        fixture.givenCurrentTime(OPENED)
                .andThenAPublished(outage()) // two levels, repeat 1
                .whenTimeElapses(Duration.ofMinutes(5 + 10 + 5 + 10))
                .expectDispatchedCommands(
                        notify(2, 1, EscalationTrigger.ACK_TIMEOUT, OPENED.plus(Duration.ofMinutes(5))),
                        notify(1, 2, EscalationTrigger.ACK_TIMEOUT, OPENED.plus(Duration.ofMinutes(15))),
                        notify(2, 2, EscalationTrigger.ACK_TIMEOUT, OPENED.plus(Duration.ofMinutes(20))),
                        new RecordEscalationExhaustedCommand(INCIDENT, 2, OPENED.plus(Duration.ofMinutes(30))))
                .expectNoScheduledDeadlines();
    }

    @Test
    void resolvingMidLadderEndsTheSagaAndItsTimer() throws Exception {
        fixture.givenCurrentTime(OPENED)
                .andThenAPublished(outage())
                .andThenTimeElapses(Duration.ofMinutes(5))
                .whenPublishingA(new IncidentResolvedEvent(INCIDENT, TENANT, AGENT, IncidentKind.OUTAGE, "detection",
                        null, true, OPENED.plus(Duration.ofMinutes(6)), OPENED.plus(Duration.ofMinutes(6))))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void theAfterHoursPlanSetsTheTimeouts() {
        EscalationPlan afterHours = new EscalationPlan("night-desk", 2, new PolicyDefinition("Night desk", 0, List.of(
                new EscalationLevel(Duration.ofMinutes(2), List.of(IncidentFixtures.PAGER)),
                new EscalationLevel(Duration.ofMinutes(3), List.of(IncidentFixtures.HOOK)))), true);
        fixture.givenCurrentTime(OPENED)
                .andThenAPublished(IncidentFixtures.opened(IncidentKind.OUTAGE, Severity.CRITICAL, afterHours, null))
                .whenTimeElapses(Duration.ofMinutes(2))
                .expectDispatchedCommands(notify(2, 1, EscalationTrigger.ACK_TIMEOUT, OPENED.plus(Duration.ofMinutes(2))))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(3), EscalationSaga.ACK_TIMEOUT);
    }

    @Test
    void aPolicyEditedMidIncidentChangesNothing() {
        PolicyDefinition faster = new PolicyDefinition("Front desk", 0, List.of(
                new EscalationLevel(Duration.ofMinutes(1), List.of(IncidentFixtures.HOOK))));
        fixture.givenCurrentTime(OPENED)
                .andThenAPublished(outage())
                .andThenAPublished(new EscalationPolicyRevisedEvent(new EscalationPolicyId(TENANT, "front-desk"),
                        faster, 4))
                .whenTimeElapses(Duration.ofMinutes(4))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofMinutes(1), EscalationSaga.ACK_TIMEOUT);
    }

    @Test
    void aResponderCanAskForTheNextLevelAtOnce() {
        Instant asked = OPENED.plusSeconds(30);
        fixture.givenCurrentTime(OPENED)
                .andThenAPublished(outage())
                .whenPublishingA(new IncidentEscalationRequestedEvent(INCIDENT, AGENT, "alice", "need the vendor", asked))
                .expectDispatchedCommands(new NotifyEscalationLevelCommand(INCIDENT, 2, 1, EscalationTrigger.MANUAL,
                        "alice", asked))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(10), EscalationSaga.ACK_TIMEOUT);
    }

    @Test
    void aTicketPostsOnceAndOnlyClimbsWhenRaisedToAPage() throws Exception {
        fixture.givenCurrentTime(OPENED)
                .andThenAPublished(IncidentFixtures.opened(IncidentKind.BUDGET_BURN, Severity.INFO,
                        plan(1, Duration.ofMinutes(5), 0), null))
                .andThenTimeElapses(Duration.ofHours(1))
                .whenPublishingA(new IncidentSeverityRaisedEvent(INCIDENT, AGENT, Severity.INFO, Severity.WARNING,
                        "burning faster", OPENED.plus(Duration.ofHours(1))))
                .expectDispatchedCommands(notify(1, 1, EscalationTrigger.SEVERITY_RAISED, OPENED.plus(Duration.ofHours(1))))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(5), EscalationSaga.ACK_TIMEOUT);
    }

    @Test
    void anIncidentWithoutAPolicyHasNoLadder() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(IncidentFixtures.opened(IncidentKind.OUTAGE, Severity.CRITICAL, null, null))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    private static NotifyEscalationLevelCommand notify(int level, int round, EscalationTrigger trigger, Instant at) {
        return new NotifyEscalationLevelCommand(INCIDENT, level, round, trigger, null, at);
    }
}
