-- Lets a node keep monitors in memory between batches and notice when another node has moved them on.
ALTER TABLE detector_state ADD COLUMN IF NOT EXISTS version BIGINT NOT NULL DEFAULT 0;
