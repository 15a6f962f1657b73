package dev.dialtone.integrations.voice;

import dev.dialtone.domain.signal.api.CallOutcome;

import java.util.Objects;

/** The outcome a raw platform reason stands for, with how it was recognised. */
public record ReasonMapping(CallOutcome outcome, ReasonMatch match) {

    public ReasonMapping {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(match, "match");
    }
}
