package dev.dialtone.domain.agent.api;

import dev.dialtone.domain.tenancy.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Call off a planned maintenance window. */
public record CancelMaintenanceCommand(@TargetAggregateIdentifier AgentId agentId, TenantId tenant, String windowId) {
}
