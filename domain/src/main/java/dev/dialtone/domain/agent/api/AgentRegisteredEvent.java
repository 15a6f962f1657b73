package dev.dialtone.domain.agent.api;

import dev.dialtone.domain.tenancy.TenantId;

/** A new agent line came under Dialtone's watch, with its first configuration (version 1). */
public record AgentRegisteredEvent(AgentId agentId, TenantId tenant, AgentConfiguration configuration, long version)
        implements AgentScoped {
}
