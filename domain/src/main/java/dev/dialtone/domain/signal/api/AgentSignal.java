package dev.dialtone.domain.signal.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentScoped;
import dev.dialtone.domain.tenancy.TenantId;

import java.time.Instant;

/**
 * What every signal event has in common. Event processors sequence signals by {@link #agentId()} so each agent's
 * facts are handled in order.
 */
public sealed interface AgentSignal extends AgentScoped permits CallOutcomeRecordedEvent, HealthCheckRecordedEvent,
        FailoverActionRecordedEvent {

    /** The id the source gave the signal; with tenant and kind it identifies the signal for deduplication. */
    String signalId();

    TenantId tenant();

    @Override
    AgentId agentId();

    /** When it happened at the source (event time), as opposed to when Dialtone stored it. */
    Instant occurredAt();

    SignalKind kind();
}
