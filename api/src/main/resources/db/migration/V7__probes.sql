-- Each agent's probe definitions, for reads and for the probe runs; written with the agent's events (subscribing
-- handler). The runs themselves are db-scheduler tasks, one per probe.
CREATE TABLE IF NOT EXISTS probe_registry (
    agent_id   VARCHAR(64)  NOT NULL,
    probe_id   VARCHAR(64)  NOT NULL,
    tenant_id  VARCHAR(64)  NOT NULL,
    definition JSONB        NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (agent_id, probe_id)
);
