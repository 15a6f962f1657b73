package dev.dialtone.domain.agent.api;

import dev.dialtone.domain.ConflictException;

/** Agent ids are global (webhook URLs carry no tenant), so one tenant cannot configure another tenant's id. */
public class AgentClaimedByAnotherTenantException extends ConflictException {

    public AgentClaimedByAnotherTenantException(AgentId agentId) {
        super("agentId '" + agentId + "' is already in use; choose another id");
    }
}
