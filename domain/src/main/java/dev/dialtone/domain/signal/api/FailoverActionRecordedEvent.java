package dev.dialtone.domain.signal.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.tenancy.TenantId;

import java.time.Instant;

/** A platform or a person moved the agent's calls to or from its backup line (or failed to). */
public record FailoverActionRecordedEvent(String signalId,
                                          TenantId tenant,
                                          AgentId agentId,
                                          Instant occurredAt,
                                          FailoverActionKind action,
                                          String target,
                                          String initiatedBy,
                                          String source) implements AgentSignal {

    @Override
    public SignalKind kind() {
        return SignalKind.FAILOVER_ACTION;
    }
}
