package dev.dialtone.domain.agent.api;

import dev.dialtone.domain.tenancy.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create the agent, or replace its configuration; a repeat of the current configuration changes nothing. */
public record ConfigureAgentCommand(@TargetAggregateIdentifier AgentId agentId,
                                    TenantId tenant,
                                    AgentConfiguration configuration) {
}
