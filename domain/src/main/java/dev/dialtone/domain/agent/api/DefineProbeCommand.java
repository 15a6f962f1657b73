package dev.dialtone.domain.agent.api;

import dev.dialtone.domain.tenancy.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create or replace one of the agent's probes (same probe id replaces); answers whether it is new. */
public record DefineProbeCommand(@TargetAggregateIdentifier AgentId agentId, TenantId tenant,
                                 ProbeDefinition probe) {
}
