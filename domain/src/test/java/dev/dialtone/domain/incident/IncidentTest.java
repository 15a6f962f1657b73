package dev.dialtone.domain.incident;

import dev.dialtone.domain.incident.api.AcknowledgeIncidentCommand;
import dev.dialtone.domain.incident.api.EscalationTrigger;
import dev.dialtone.domain.incident.api.FailoverAction;
import dev.dialtone.domain.incident.api.FailoverRequestedEvent;
import dev.dialtone.domain.incident.api.IncidentAcknowledgedEvent;
import dev.dialtone.domain.incident.api.IncidentEscalatedEvent;
import dev.dialtone.domain.incident.api.IncidentKind;
import dev.dialtone.domain.incident.api.IncidentNotFoundException;
import dev.dialtone.domain.incident.api.IncidentOpenedEvent;
import dev.dialtone.domain.incident.api.IncidentResolvedEvent;
import dev.dialtone.domain.incident.api.NotificationDeliveredEvent;
import dev.dialtone.domain.incident.api.NotificationRequestedEvent;
import dev.dialtone.domain.incident.api.NotificationType;
import dev.dialtone.domain.incident.api.NotifyEscalationLevelCommand;
import dev.dialtone.domain.incident.api.OpenIncidentCommand;
import dev.dialtone.domain.incident.api.RecordNotificationDeliveredCommand;
import dev.dialtone.domain.incident.api.RequestFailoverCommand;
import dev.dialtone.domain.incident.api.ResolveIncidentCommand;
import dev.dialtone.domain.incident.api.Severity;
import dev.dialtone.domain.tenancy.TenantId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.dialtone.domain.incident.IncidentFixtures.AGENT;
import static dev.dialtone.domain.incident.IncidentFixtures.DETECTED;
import static dev.dialtone.domain.incident.IncidentFixtures.EVIDENCE;
import static dev.dialtone.domain.incident.IncidentFixtures.FAILOVER;
import static dev.dialtone.domain.incident.IncidentFixtures.HOOK;
import static dev.dialtone.domain.incident.IncidentFixtures.INCIDENT;
import static dev.dialtone.domain.incident.IncidentFixtures.OPENED;
import static dev.dialtone.domain.incident.IncidentFixtures.PAGER;
import static dev.dialtone.domain.incident.IncidentFixtures.SLACK;
import static dev.dialtone.domain.incident.IncidentFixtures.TENANT;
import static dev.dialtone.domain.incident.IncidentFixtures.outage;
import static dev.dialtone.domain.incident.IncidentFixtures.plan;

class IncidentTest {

    private static final Instant NOW = OPENED.plusSeconds(60);

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
    }

    @Test
    void opensWithTheEvidenceThePlanAndTheFailoverTarget() {
        IncidentOpenedEvent opened = outage();
        fixture.givenNoPriorActivity()
                .when(new OpenIncidentCommand(INCIDENT, TENANT, AGENT, 1, IncidentKind.OUTAGE, Severity.CRITICAL,
                        DETECTED, DETECTED.minusSeconds(30), EVIDENCE, opened.reason(), "outage",
                        opened.escalation(), FAILOVER, OPENED))
                .expectEvents(opened);
    }

    @Test
    void aLevelIsNotifiedTargetByTarget() {
        fixture.given(outage())
                .when(new NotifyEscalationLevelCommand(INCIDENT, 2, 1, EscalationTrigger.ACK_TIMEOUT, null, NOW))
                .expectEvents(
                        new IncidentEscalatedEvent(INCIDENT, AGENT, 2, 1, "front-desk", 3, false, List.of(SLACK, HOOK),
                                EscalationTrigger.ACK_TIMEOUT, null, NOW),
                        page("n1", SLACK, 2),
                        page("n2", HOOK, 2));
    }

    @Test
    void aTicketGoesToSlackOnly() {
        fixture.given(IncidentFixtures.opened(IncidentKind.BUDGET_BURN, Severity.INFO,
                        plan(3, Duration.ofMinutes(5), 0), null))
                .when(new NotifyEscalationLevelCommand(INCIDENT, 2, 1, EscalationTrigger.OPENED, null, NOW))
                .expectEvents(
                        new IncidentEscalatedEvent(INCIDENT, AGENT, 2, 1, "front-desk", 3, false, List.of(SLACK),
                                EscalationTrigger.OPENED, null, NOW),
                        new NotificationRequestedEvent(INCIDENT + "/n1", INCIDENT, TENANT, AGENT,
                                NotificationType.PAGE, SLACK, 2, 1, IncidentKind.BUDGET_BURN, Severity.INFO,
                                outage().reason(), "budget-burn", NOW));
    }

    @Test
    void acknowledgingTellsEveryoneWhoWasPaged() {
        fixture.given(outage(), new IncidentEscalatedEvent(INCIDENT, AGENT, 1, 1, "front-desk", 3, false,
                        List.of(PAGER), EscalationTrigger.OPENED, null, OPENED), page("n1", PAGER, 1))
                .when(new AcknowledgeIncidentCommand(INCIDENT, TENANT, "alice", NOW))
                .expectEvents(new IncidentAcknowledgedEvent(INCIDENT, TENANT, AGENT, "alice", NOW),
                        new NotificationRequestedEvent(INCIDENT + "/n2", INCIDENT, TENANT, AGENT,
                                NotificationType.ACKNOWLEDGED, PAGER, 1, 1, IncidentKind.OUTAGE, Severity.CRITICAL,
                                outage().reason() + " - acknowledged by alice", "outage", NOW));
    }

    @Test
    void aSecondAcknowledgementIsRefusedWithTheFirstResponderNamed() {
        fixture.given(outage(), new IncidentAcknowledgedEvent(INCIDENT, TENANT, AGENT, "alice", NOW))
                .when(new AcknowledgeIncidentCommand(INCIDENT, TENANT, "bob", NOW.plusSeconds(5)))
                .expectException(dev.dialtone.domain.ConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("alice"));
    }

    @Test
    void anotherTenantCannotSeeTheIncident() {
        fixture.given(outage())
                .when(new AcknowledgeIncidentCommand(INCIDENT, new TenantId("jones-clinic"), "mallory", NOW))
                .expectException(IncidentNotFoundException.class);
    }

    @Test
    void automaticResolutionOfAResolvedIncidentIsANoOpButAPersonIsToldWhy() {
        IncidentResolvedEvent resolved = new IncidentResolvedEvent(INCIDENT, TENANT, AGENT, IncidentKind.OUTAGE,
                "detection", null, true, NOW, NOW);
        fixture.given(outage(), resolved)
                .when(new ResolveIncidentCommand(INCIDENT, null, "detection", null, true, NOW, NOW))
                .expectNoEvents();
        fixture.given(outage(), resolved)
                .when(new ResolveIncidentCommand(INCIDENT, TENANT, "alice", "fixed", false, null, NOW))
                .expectException(dev.dialtone.domain.ConflictException.class);
    }

    @Test
    void deliveryIsRecordedOnceHoweverOftenItIsReported() {
        fixture.given(outage(), page("n1", HOOK, 1),
                        new NotificationDeliveredEvent(INCIDENT + "/n1", INCIDENT, AGENT, 1, "HTTP 200", NOW))
                .when(new RecordNotificationDeliveredCommand(INCIDENT, INCIDENT + "/n1", 2, "HTTP 200", NOW))
                .expectNoEvents();
    }

    @Test
    void failoverIsRequestedOnceAndDeactivatedAfterwards() {
        FailoverRequestedEvent activate = new FailoverRequestedEvent(INCIDENT + "/failover-1", INCIDENT, TENANT,
                AGENT, FailoverAction.ACTIVATE, FAILOVER.url(), FAILOVER.backupNumber(), NOW);
        fixture.given(outage())
                .when(new RequestFailoverCommand(INCIDENT, FailoverAction.ACTIVATE, NOW))
                .expectEvents(activate);
        fixture.given(outage(), activate)
                .when(new RequestFailoverCommand(INCIDENT, FailoverAction.ACTIVATE, NOW))
                .expectNoEvents();
        fixture.given(outage(), activate)
                .when(new RequestFailoverCommand(INCIDENT, FailoverAction.DEACTIVATE, NOW))
                .expectEvents(new FailoverRequestedEvent(INCIDENT + "/failover-2", INCIDENT, TENANT, AGENT,
                        FailoverAction.DEACTIVATE, FAILOVER.url(), FAILOVER.backupNumber(), NOW));
    }

    private static NotificationRequestedEvent page(String n, dev.dialtone.domain.escalation.api.NotificationTarget target,
                                                   int level) {
        return new NotificationRequestedEvent(INCIDENT + "/" + n, INCIDENT, TENANT, AGENT, NotificationType.PAGE, target,
                level, 1, IncidentKind.OUTAGE, Severity.CRITICAL, outage().reason(), "outage", NOW);
    }
}
