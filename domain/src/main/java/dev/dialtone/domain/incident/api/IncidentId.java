package dev.dialtone.domain.incident.api;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** An incident: {@code <agentId>-<n>}, numbered per agent, so people can say "smith-law-intake-12" out loud. */
public record IncidentId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9-]*-[0-9]+");

    public IncidentId {
        Objects.requireNonNull(value, "incidentId");
        if (value.isBlank() || value.length() > 128) {
            throw new IllegalArgumentException("incidentId must be 1-128 characters");
        }
    }

    /** The id in {@code text} if it has the shape Dialtone gives incidents ({@code <agentId>-<n>}); else empty. */
    public static Optional<IncidentId> parse(String text) {
        return text != null && text.length() <= 128 && SHAPE.matcher(text).matches()
                ? Optional.of(new IncidentId(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
