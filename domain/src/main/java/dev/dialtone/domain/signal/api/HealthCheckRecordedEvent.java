package dev.dialtone.domain.signal.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.tenancy.TenantId;

import java.time.Instant;

/** One result of a named health check of the agent (a probe, a synthetic call, a platform status page). */
public record HealthCheckRecordedEvent(String signalId,
                                       TenantId tenant,
                                       AgentId agentId,
                                       String check,
                                       Instant occurredAt,
                                       HealthStatus status,
                                       Long latencyMs,
                                       String detail,
                                       String source) implements AgentSignal {

    /** Signals whose source starts with this come from a vendor's status page, not from the agent. */
    public static final String VENDOR_SOURCE_PREFIX = "statuspage:";

    /** Whether this is a vendor's status (supporting evidence) rather than a check of the agent itself. */
    public boolean vendorStatus() {
        return source != null && source.startsWith(VENDOR_SOURCE_PREFIX);
    }

    @Override
    public SignalKind kind() {
        return SignalKind.HEALTH_CHECK;
    }
}
