package dev.dialtone.domain.detection.api;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentScoped;

import java.time.Instant;

/**
 * The silence timer armed for {@code dueAt} fired at {@code at} (wall clock). It is an event, not a callback, so the
 * check is handled in order with the agent's signals by the same single writer of the agent's detection state.
 */
public record SilenceCheckDueEvent(AgentId agentId, Instant dueAt, Instant at) implements AgentScoped {
}
