package dev.dialtone.domain.agent.api;

import dev.dialtone.domain.tenancy.TenantId;

/** A probe was created or replaced. */
public record ProbeDefinedEvent(AgentId agentId, TenantId tenant, ProbeDefinition probe) implements AgentScoped {
}
