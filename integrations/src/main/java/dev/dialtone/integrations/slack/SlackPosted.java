package dev.dialtone.integrations.slack;

/**
 * Where a message landed: the conversation id (for a message to a user, the direct-message channel Slack opened, not
 * the user id) and its {@code ts}. {@code chat.update} needs both.
 */
public record SlackPosted(String channel, String ts) {
}
