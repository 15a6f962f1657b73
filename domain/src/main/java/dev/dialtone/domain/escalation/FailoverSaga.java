package dev.dialtone.domain.escalation;

import dev.dialtone.domain.agent.api.FailoverTarget;
import dev.dialtone.domain.incident.api.FailoverAction;
import dev.dialtone.domain.incident.api.IncidentId;
import dev.dialtone.domain.incident.api.IncidentKind;
import dev.dialtone.domain.incident.api.IncidentOpenedEvent;
import dev.dialtone.domain.incident.api.IncidentReopenedEvent;
import dev.dialtone.domain.incident.api.IncidentResolvedEvent;
import dev.dialtone.domain.incident.api.RequestFailoverCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.time.Instant;

/**
 * Moves an agent's calls to its backup line while it is down: an OUTAGE on an agent with a failover target asks for
 * ACTIVATE; its resolution asks for DEACTIVATE. Delivery, signing and retries happen outside, and their outcome
 * lands on the incident's timeline.
 */
@Saga
public class FailoverSaga {

    static final String INCIDENT = "incidentId";

    private String incidentId;

    public FailoverSaga() {
        // for Axon
    }

    @StartSaga
    @SagaEventHandler(associationProperty = INCIDENT)
    public void on(IncidentOpenedEvent event, CommandGateway commands) {
        activate(event.incidentId(), event.kind(), event.failover(), event.openedAt(), commands);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = INCIDENT)
    public void on(IncidentReopenedEvent event, CommandGateway commands) {
        activate(event.incidentId(), event.kind(), event.failover(), event.reopenedAt(), commands);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = INCIDENT)
    public void on(IncidentResolvedEvent event, CommandGateway commands) {
        commands.send(new RequestFailoverCommand(event.incidentId(), FailoverAction.DEACTIVATE, event.resolvedAt()));
    }

    private void activate(IncidentId id, IncidentKind kind, FailoverTarget failover, Instant at,
                          CommandGateway commands) {
        incidentId = id.value();
        if (kind != IncidentKind.OUTAGE || failover == null) {
            SagaLifecycle.end();
            return;
        }
        commands.send(new RequestFailoverCommand(id, FailoverAction.ACTIVATE, at));
    }
}
