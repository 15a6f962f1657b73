package dev.dialtone.domain.escalation.api;

/** A new escalation policy exists, at version 1. */
public record EscalationPolicyDefinedEvent(EscalationPolicyId policyId, PolicyDefinition definition, long version) {
}
