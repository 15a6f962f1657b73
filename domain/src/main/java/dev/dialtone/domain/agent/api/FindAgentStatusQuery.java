package dev.dialtone.domain.agent.api;

/** Asks the read side for an agent's live status; answered with an {@link AgentStatusView}, or nothing yet. */
public record FindAgentStatusQuery(AgentId agentId) {
}
