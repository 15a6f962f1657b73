package dev.dialtone.integrations.slack;

import java.util.List;

/**
 * The few Slack Web API calls that run an incident channel. Every method blocks on the network: call it from a
 * worker thread, never from an event loop. Each call makes one HTTP request and never retries; a failure is a
 * {@link SlackApiFailure} that says whether the durable scheduler should try again.
 */
public interface SlackApi {

    /** The bot's own user id ({@code auth.test}); also a cheap check that the token works. */
    String authTest();

    /**
     * Creates the public channel, or returns the existing one of that name when Slack answers {@code name_taken}
     * (we created it before a crash), found by listing the workspace's public, unarchived channels.
     */
    SlackChannel openChannel(String name);

    /** Invites users to the channel; users already there, and the bot itself, count as invited. */
    void invite(String channelId, List<String> userIds);

    /**
     * Posts a message and returns where it landed, which {@link #update} needs. The channel may be a user id: Slack
     * then delivers it as a direct message from the app, in a channel of its own.
     */
    SlackPosted post(String channel, SlackMessage message);

    /** Replaces a message posted earlier; a message without blocks removes the old blocks. */
    void update(String channel, String ts, SlackMessage message);

    /**
     * Answers a slash command or a button click through its {@code response_url}: visible to the channel or only
     * to the user who asked, optionally replacing the message the button was on.
     */
    void respond(String responseUrl, SlackMessage message, boolean inChannel, boolean replaceOriginal);
}
