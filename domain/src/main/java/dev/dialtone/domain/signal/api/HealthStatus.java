package dev.dialtone.domain.signal.api;

/** The result of one health check. */
public enum HealthStatus {
    UP, DEGRADED, DOWN
}
