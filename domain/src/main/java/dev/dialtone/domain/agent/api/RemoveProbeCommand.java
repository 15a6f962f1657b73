package dev.dialtone.domain.agent.api;

import dev.dialtone.domain.tenancy.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop probing: the probe's schedule ends on every node. */
public record RemoveProbeCommand(@TargetAggregateIdentifier AgentId agentId, TenantId tenant, String probeId) {
}
