package dev.dialtone.domain.agent.api;

import dev.dialtone.domain.tenancy.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Plan (or re-plan) maintenance of the agent; the same window id replaces the earlier plan. */
public record ScheduleMaintenanceCommand(@TargetAggregateIdentifier AgentId agentId, TenantId tenant,
                                         MaintenanceWindow window) {
}
