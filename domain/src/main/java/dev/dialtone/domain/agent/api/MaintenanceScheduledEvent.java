package dev.dialtone.domain.agent.api;

/** Maintenance was planned (or re-planned, for an existing window id). */
public record MaintenanceScheduledEvent(AgentId agentId, MaintenanceWindow window) implements AgentScoped {
}
