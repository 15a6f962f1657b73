-- Detection state per agent, written by the detection processor in the same transaction as its token, so a
-- restart (or another node taking the segment over) continues exactly where the last committed batch ended.
CREATE TABLE IF NOT EXISTS detector_state (
    agent_id      VARCHAR(64) NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(64) NOT NULL,
    configuration JSONB       NOT NULL,
    state         BYTEA       NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Planned maintenance per agent, for reads; written with the agent's events (subscribing handler).
CREATE TABLE IF NOT EXISTS maintenance_registry (
    agent_id   VARCHAR(64)  NOT NULL,
    window_id  VARCHAR(64)  NOT NULL,
    starts_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    reason     VARCHAR(2000),
    PRIMARY KEY (agent_id, window_id)
);
