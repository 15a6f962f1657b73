package dev.dialtone.integrations.voice;

import dev.dialtone.domain.signal.api.CallOutcome;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A rule that recognises a whole family of reasons (by prefix, suffix or pattern), so a reason a platform adds
 * tomorrow still lands on a sensible outcome instead of the default.
 *
 * @param description what the rule matches, in words; MAPPINGS.md quotes it
 * @param matcher     tested against the lower-cased, trimmed reason
 */
public record FamilyRule(String description, CallOutcome outcome, Predicate<String> matcher) {

    public FamilyRule {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(matcher, "matcher");
    }

    boolean matches(String normalisedReason) {
        return matcher.test(normalisedReason);
    }
}
