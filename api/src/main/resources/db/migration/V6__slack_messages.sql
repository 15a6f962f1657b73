-- What the Slack bot has put in Slack for an incident, so a retry or another node continues instead of repeating:
-- the incident's channel and how many of its timeline steps are posted there, and every card message to keep current.
CREATE TABLE IF NOT EXISTS slack_conversation (
    incident_id  VARCHAR(200) NOT NULL PRIMARY KEY,
    channel_id   VARCHAR(64),
    channel_name VARCHAR(80),
    steps_posted INTEGER      NOT NULL DEFAULT 0,
    card_digest  VARCHAR(64),
    gave_up      BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE IF NOT EXISTS slack_card (
    incident_id VARCHAR(200) NOT NULL,
    channel_id  VARCHAR(64)  NOT NULL,
    ts          VARCHAR(32)  NOT NULL,
    posted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (incident_id, channel_id, ts)
);
