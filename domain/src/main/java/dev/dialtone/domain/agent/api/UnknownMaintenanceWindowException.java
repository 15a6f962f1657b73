package dev.dialtone.domain.agent.api;

/** Cancelling a window that was never planned, or was already cancelled. */
public class UnknownMaintenanceWindowException extends IllegalArgumentException {

    public UnknownMaintenanceWindowException(AgentId agentId, String windowId) {
        super("agent '" + agentId + "' has no maintenance window '" + windowId + "'");
    }
}
