package dev.dialtone.domain.signal.api;

/** What happened to a failover: calls moved to the backup line, moved back, or the attempt failed. */
public enum FailoverActionKind {
    ACTIVATED, DEACTIVATED, FAILED
}
