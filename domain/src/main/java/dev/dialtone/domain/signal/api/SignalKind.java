package dev.dialtone.domain.signal.api;

/** The three kinds of fact Dialtone ingests; source ids are unique per tenant and kind. */
public enum SignalKind {
    CALL("calls"), HEALTH_CHECK("health-checks"), FAILOVER_ACTION("failover-actions");

    private final String path;

    SignalKind(String path) {
        this.path = path;
    }

    /** The path segment under {@code /api/v1/signals/}. */
    public String path() {
        return path;
    }
}
