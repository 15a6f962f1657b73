package dev.dialtone.integrations.slack;

import com.slack.api.model.block.LayoutBlock;

import java.util.List;
import java.util.Objects;

/**
 * What Dialtone posts: Block Kit blocks for the channel, and the plain text Slack shows where blocks cannot be
 * (push notifications, the lock screen, screen readers), so the text must stand on its own.
 */
public record SlackMessage(String text, List<LayoutBlock> blocks) {

    public SlackMessage {
        Objects.requireNonNull(text, "a Slack message needs its fallback text");
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    public static SlackMessage text(String text) {
        return new SlackMessage(text, List.of());
    }
}
