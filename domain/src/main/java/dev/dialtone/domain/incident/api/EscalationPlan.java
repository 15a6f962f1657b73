package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.escalation.api.PolicyDefinition;

/**
 * The escalation policy in force when the incident opened, copied so that editing the policy never changes a
 * running ladder; the version says which revision it was.
 *
 * @param afterHours whether the agent's after-hours policy was chosen because it was outside business hours
 */
public record EscalationPlan(String policyId, long policyVersion, PolicyDefinition definition, boolean afterHours) {
}
