package dev.dialtone.domain.escalation;

import dev.dialtone.domain.escalation.api.DefineEscalationPolicyCommand;
import dev.dialtone.domain.escalation.api.EscalationPolicyDefinedEvent;
import dev.dialtone.domain.escalation.api.EscalationPolicyId;
import dev.dialtone.domain.escalation.api.EscalationPolicyRevisedEvent;
import dev.dialtone.domain.escalation.api.PolicyDefinition;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The versioned history of one tenant's escalation policy. */
@Aggregate
public class EscalationPolicy {

    @AggregateIdentifier
    private EscalationPolicyId policyId;
    private PolicyDefinition definition;
    private long version;

    protected EscalationPolicy() {
        // for Axon
    }

    /** Returns the policy version in force after the command. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DefineEscalationPolicyCommand command) {
        if (definition == null) {
            apply(new EscalationPolicyDefinedEvent(command.policyId(), command.definition(), 1));
        } else if (!definition.equals(command.definition())) {
            apply(new EscalationPolicyRevisedEvent(policyId, command.definition(), version + 1));
        }
        return version;
    }

    @EventSourcingHandler
    void on(EscalationPolicyDefinedEvent event) {
        policyId = event.policyId();
        definition = event.definition();
        version = event.version();
    }

    @EventSourcingHandler
    void on(EscalationPolicyRevisedEvent event) {
        definition = event.definition();
        version = event.version();
    }
}
