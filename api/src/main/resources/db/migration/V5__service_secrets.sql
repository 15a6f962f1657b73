-- Keys Dialtone generates for itself (e.g. the one that signs runbook links), shared by every node of a cluster:
-- the first node to start inserts one, the others read it.
CREATE TABLE IF NOT EXISTS service_secret (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    value      VARCHAR(256) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
