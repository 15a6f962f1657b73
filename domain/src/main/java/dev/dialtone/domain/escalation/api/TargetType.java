package dev.dialtone.domain.escalation.api;

import java.util.Locale;
import java.util.Optional;

/** How a notification target is reached. */
public enum TargetType {
    PAGERDUTY, SLACK, WEBHOOK;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TargetType> fromKey(String key) {
        for (TargetType type : values()) {
            if (type.key().equals(key)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
