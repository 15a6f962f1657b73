package dev.dialtone.api.registry;

import dev.dialtone.domain.agent.api.AgentConfiguration;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.tenancy.TenantId;

import java.time.Instant;

/** An agent as the registry knows it: owner, current configuration and its version. */
public record RegisteredAgent(AgentId agentId, TenantId tenant, long version, AgentConfiguration configuration,
                              Instant updatedAt) {
}
