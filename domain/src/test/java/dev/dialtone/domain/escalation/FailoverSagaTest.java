package dev.dialtone.domain.escalation;

import dev.dialtone.domain.incident.IncidentFixtures;
import dev.dialtone.domain.incident.api.FailoverAction;
import dev.dialtone.domain.incident.api.IncidentKind;
import dev.dialtone.domain.incident.api.IncidentResolvedEvent;
import dev.dialtone.domain.incident.api.RequestFailoverCommand;
import dev.dialtone.domain.incident.api.Severity;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.dialtone.domain.incident.IncidentFixtures.AGENT;
import static dev.dialtone.domain.incident.IncidentFixtures.INCIDENT;
import static dev.dialtone.domain.incident.IncidentFixtures.OPENED;
import static dev.dialtone.domain.incident.IncidentFixtures.TENANT;
import static dev.dialtone.domain.incident.IncidentFixtures.outage;

class FailoverSagaTest {

    private SagaTestFixture<FailoverSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(FailoverSaga.class);
        fixture.setCallbackBehavior((command, metaData) -> null);
    }

    @Test
    void anOutageOfAnAgentWithABackupLineActivatesFailover() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(outage())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RequestFailoverCommand(INCIDENT, FailoverAction.ACTIVATE, OPENED));
    }

    @Test
    void resolutionMovesTheCallsBack() {
        Instant resolved = OPENED.plusSeconds(600);
        fixture.givenAPublished(outage())
                .whenPublishingA(new IncidentResolvedEvent(INCIDENT, TENANT, AGENT, IncidentKind.OUTAGE, "detection",
                        null, true, resolved, resolved))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new RequestFailoverCommand(INCIDENT, FailoverAction.DEACTIVATE, resolved));
    }

    @Test
    void degradationDoesNotMoveCalls() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(IncidentFixtures.opened(IncidentKind.DEGRADED, Severity.ERROR, null,
                        IncidentFixtures.FAILOVER))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }
}
