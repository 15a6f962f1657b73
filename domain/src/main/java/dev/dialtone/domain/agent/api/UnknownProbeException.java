package dev.dialtone.domain.agent.api;

/** Removing a probe the agent does not have. */
public class UnknownProbeException extends IllegalArgumentException {

    public UnknownProbeException(AgentId agentId, String probeId) {
        super("agent '" + agentId + "' has no probe '" + probeId + "'");
    }
}
