package dev.dialtone.domain.escalation.api;

import java.util.List;
import java.util.Objects;

/**
 * The content of an escalation policy.
 *
 * @param repeat how many more times the whole ladder runs after its last level times out (0-9)
 */
public record PolicyDefinition(String name, int repeat, List<EscalationLevel> levels) {

    public static final int MAX_LEVELS = 10;
    public static final int MAX_REPEAT = 9;

    public PolicyDefinition {
        Objects.requireNonNull(name, "name");
        if (repeat < 0 || repeat > MAX_REPEAT) {
            throw new IllegalArgumentException("repeat must be between 0 and " + MAX_REPEAT);
        }
        if (levels == null || levels.isEmpty() || levels.size() > MAX_LEVELS) {
            throw new IllegalArgumentException("a policy needs between 1 and " + MAX_LEVELS + " levels");
        }
        levels = List.copyOf(levels);
    }
}
