package dev.dialtone.domain.agent.api;

/** A planned maintenance window was called off. */
public record MaintenanceCancelledEvent(AgentId agentId, String windowId) implements AgentScoped {
}
