package dev.dialtone.api.detection;

import dev.dialtone.api.registry.ConfigurationRegistry;
import dev.dialtone.domain.agent.api.AgentConfiguration;
import dev.dialtone.domain.detection.BusinessCalendar;
import dev.dialtone.domain.escalation.api.EscalationPolicyId;
import dev.dialtone.domain.incident.api.EscalationPlan;
import dev.dialtone.domain.tenancy.TenantId;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Picks the policy an incident escalates along when it opens: the after-hours policy outside the agent's business
 * hours (if it has one), otherwise the regular one, copied at its current version.
 */
@Component
class EscalationPlans {

    private final ConfigurationRegistry registry;

    EscalationPlans(ConfigurationRegistry registry) {
        this.registry = registry;
    }

    EscalationPlan planFor(TenantId tenant, AgentConfiguration agent, Instant now) {
        boolean outsideHours = !new BusinessCalendar(agent.businessHours(), agent.timezone()).isOpen(now);
        boolean afterHours = outsideHours && agent.afterHoursPolicyId() != null;
        String policyId = afterHours ? agent.afterHoursPolicyId() : agent.escalationPolicyId();
        if (policyId == null) {
            return null;
        }
        return registry.findPolicy(new EscalationPolicyId(tenant, policyId))
                .map(policy -> new EscalationPlan(policyId, policy.version(), policy.definition(), afterHours))
                .orElse(null);
    }
}
