package dev.dialtone.domain.agent.api;

import dev.dialtone.domain.signal.api.CallDirection;
import dev.dialtone.domain.signal.api.CallOutcome;
import dev.dialtone.domain.signal.api.FailoverActionKind;
import dev.dialtone.domain.signal.api.HealthStatus;

import java.time.Instant;
import java.util.Map;

/**
 * What is known of an agent right now: the latest signal of each kind (by event time) and how many of each were
 * received. Counts include late and back-filled signals.
 */
public record AgentStatusView(LastCall lastCall,
                              LastHealthCheck lastHealthCheck,
                              LastFailoverAction lastFailoverAction,
                              CallCounts calls,
                              Map<HealthStatus, Long> healthChecks,
                              Map<FailoverActionKind, Long> failoverActions) {

    /** An agent that has received no signal yet. */
    public static AgentStatusView empty() {
        return new AgentStatusView(null, null, null, new CallCounts(0, 0, Map.of()), Map.of(), Map.of());
    }

    public record LastCall(String id, Instant occurredAt, CallDirection direction, CallOutcome outcome,
                           String reason) {
    }

    public record LastHealthCheck(String id, Instant occurredAt, String check, HealthStatus status, Long latencyMs,
                                  String detail) {
    }

    public record LastFailoverAction(String id, Instant occurredAt, FailoverActionKind action, String target,
                                     String initiatedBy) {
    }

    public record CallCounts(long inbound, long outbound, Map<CallOutcome, Long> byOutcome) {
    }
}
