package dev.dialtone.domain.agent.api;

/**
 * A message about one agent. Event processors sequence these by agent, so everything about an agent (its signals,
 * its configuration, its incidents) is handled in order, on one thread, on one node.
 */
public interface AgentScoped {

    AgentId agentId();
}
