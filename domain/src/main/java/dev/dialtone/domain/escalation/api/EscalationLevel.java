package dev.dialtone.domain.escalation.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** One rung of the ladder: everyone in {@code targets} is notified at once, then {@code ackTimeout} runs. */
public record EscalationLevel(Duration ackTimeout, List<NotificationTarget> targets) {

    public EscalationLevel {
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("ackTimeout must be a positive duration");
        }
        if (targets == null || targets.isEmpty()) {
            throw new IllegalArgumentException("a level needs at least one target");
        }
        targets = List.copyOf(targets);
    }
}
