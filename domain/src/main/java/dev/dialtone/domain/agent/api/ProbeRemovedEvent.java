package dev.dialtone.domain.agent.api;

import dev.dialtone.domain.tenancy.TenantId;

/** A probe was removed. */
public record ProbeRemovedEvent(AgentId agentId, TenantId tenant, String probeId) implements AgentScoped {
}
