-- Write-side lookup of configured agents and policies, maintained in the same transaction as their events
-- (a subscribing event handler), so set-based checks ("unknown agent", "unknown policy", "id taken") are
-- consistent across nodes. Rebuildable from the event store.

CREATE TABLE IF NOT EXISTS agent_registry (
    agent_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(64)  NOT NULL,
    version       BIGINT       NOT NULL,
    configuration JSONB        NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS agent_registry_tenant_idx ON agent_registry (tenant_id, agent_id);

CREATE TABLE IF NOT EXISTS policy_registry (
    tenant_id  VARCHAR(64) NOT NULL,
    policy_id  VARCHAR(64) NOT NULL,
    version    BIGINT      NOT NULL,
    definition JSONB       NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, policy_id)
);
