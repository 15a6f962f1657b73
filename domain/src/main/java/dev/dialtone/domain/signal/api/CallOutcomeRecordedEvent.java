package dev.dialtone.domain.signal.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.tenancy.TenantId;

import java.time.Instant;

/**
 * A call to or from the agent ended with the given outcome.
 *
 * @param reason the platform's raw status or reason, kept verbatim for later diagnosis
 * @param source where the signal came from: {@code api}, or a platform name for native webhooks
 */
public record CallOutcomeRecordedEvent(String signalId,
                                       TenantId tenant,
                                       AgentId agentId,
                                       String callId,
                                       Instant occurredAt,
                                       CallDirection direction,
                                       CallOutcome outcome,
                                       Double durationSeconds,
                                       String reason,
                                       String source) implements AgentSignal {

    @Override
    public SignalKind kind() {
        return SignalKind.CALL;
    }
}
