package dev.dialtone.domain.agent.api;

import dev.dialtone.domain.Slugs;

/**
 * A monitored agent line. Unique across tenants because voice-platform webhooks ({@code /webhooks/twilio/{agentId}})
 * carry no tenant.
 */
public record AgentId(String value) {

    public AgentId {
        Slugs.require(value, "agentId");
    }

    @Override
    public String toString() {
        return value;
    }
}
