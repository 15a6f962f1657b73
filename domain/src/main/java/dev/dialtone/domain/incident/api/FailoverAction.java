package dev.dialtone.domain.incident.api;

/** What Dialtone asks of the agent's failover target: move calls to the backup line, or back. */
public enum FailoverAction {
    ACTIVATE, DEACTIVATE
}
