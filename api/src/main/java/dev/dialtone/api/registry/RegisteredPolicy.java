package dev.dialtone.api.registry;

import dev.dialtone.domain.escalation.api.EscalationPolicyId;
import dev.dialtone.domain.escalation.api.PolicyDefinition;

import java.time.Instant;

/** An escalation policy as the registry knows it. */
public record RegisteredPolicy(EscalationPolicyId policyId, long version, PolicyDefinition definition,
                               Instant updatedAt) {
}
