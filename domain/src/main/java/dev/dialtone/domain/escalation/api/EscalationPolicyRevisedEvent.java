package dev.dialtone.domain.escalation.api;

/**
 * The policy's content was replaced. Ladders already running keep the version they copied when they started, so
 * {@code version} is what an escalation event cites to explain itself later.
 */
public record EscalationPolicyRevisedEvent(EscalationPolicyId policyId, PolicyDefinition definition, long version) {
}
