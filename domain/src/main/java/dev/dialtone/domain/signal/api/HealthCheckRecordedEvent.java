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

    @Override
    public SignalKind kind() {
        return SignalKind.HEALTH_CHECK;
    }
}
