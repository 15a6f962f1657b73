package dev.dialtone.domain.agent.api;

/** The agent does not exist, or belongs to another tenant (which a caller must not be able to tell apart). */
public class UnknownAgentException extends IllegalArgumentException {

    public UnknownAgentException(AgentId agentId) {
        super("no agent '" + agentId + "'");
    }
}
