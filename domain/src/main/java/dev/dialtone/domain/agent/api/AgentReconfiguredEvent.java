package dev.dialtone.domain.agent.api;

import dev.dialtone.domain.tenancy.TenantId;

/** An operator replaced the agent's configuration; {@code version} counts configurations from 1. */
public record AgentReconfiguredEvent(AgentId agentId, TenantId tenant, AgentConfiguration configuration, long version)
        implements AgentScoped {
}
