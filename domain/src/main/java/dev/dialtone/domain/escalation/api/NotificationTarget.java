package dev.dialtone.domain.escalation.api;

import java.util.Objects;

/**
 * One recipient of a level's notifications. A flat record rather than a type hierarchy so events stay plain JSON;
 * which fields are set depends on {@code type}: PagerDuty needs {@code routingKey}; Slack a {@code channel} or a
 * {@code user}; a webhook a {@code url} and optionally a signing {@code secret}.
 */
public record NotificationTarget(TargetType type, String routingKey, String channel, String user, String url,
                                 String secret) {

    public NotificationTarget {
        Objects.requireNonNull(type, "type");
        switch (type) {
            case PAGERDUTY -> requireText(routingKey, "routingKey");
            case SLACK -> {
                if (isBlank(channel) && isBlank(user)) {
                    throw new IllegalArgumentException("a slack target needs a channel or a user");
                }
            }
            case WEBHOOK -> requireText(url, "url");
        }
    }

    public static NotificationTarget pagerDuty(String routingKey) {
        return new NotificationTarget(TargetType.PAGERDUTY, routingKey, null, null, null, null);
    }

    public static NotificationTarget slackChannel(String channel) {
        return new NotificationTarget(TargetType.SLACK, null, channel, null, null, null);
    }

    public static NotificationTarget webhook(String url, String secret) {
        return new NotificationTarget(TargetType.WEBHOOK, null, null, null, url, secret);
    }

    private static void requireText(String value, String field) {
        if (isBlank(value)) {
            throw new IllegalArgumentException("a target of this type needs " + field);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
