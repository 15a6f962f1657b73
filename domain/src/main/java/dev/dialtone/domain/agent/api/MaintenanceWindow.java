package dev.dialtone.domain.agent.api;

import java.time.Instant;
import java.util.Objects;

/** Planned work on the agent: no new incidents are opened for what happens inside, and it is excluded from uptime. */
public record MaintenanceWindow(String windowId, Instant from, Instant to, String reason) {

    public MaintenanceWindow {
        Objects.requireNonNull(windowId, "windowId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a maintenance window must end after it starts");
        }
    }

    /** Half-open: the window covers [from, to). */
    public boolean covers(java.time.Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
