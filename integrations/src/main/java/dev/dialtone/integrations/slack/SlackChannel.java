package dev.dialtone.integrations.slack;

import java.util.Objects;

/** A Slack channel as Dialtone keeps it: the id to post to and the name people see. */
public record SlackChannel(String id, String name) {

    public SlackChannel {
        Objects.requireNonNull(id, "a Slack channel has an id");
    }
}
