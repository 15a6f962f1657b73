package dev.dialtone.domain.escalation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create the policy, or replace its content; a repeat of the current content changes nothing. */
public record DefineEscalationPolicyCommand(@TargetAggregateIdentifier EscalationPolicyId policyId,
                                            PolicyDefinition definition) {
}
