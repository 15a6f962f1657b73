package dev.dialtone.domain.incident.api;

import java.util.Objects;

/** An incident: {@code <agentId>-<n>}, numbered per agent, so people can say "smith-law-intake-12" out loud. */
public record IncidentId(String value) {

    public IncidentId {
        Objects.requireNonNull(value, "incidentId");
        if (value.isBlank() || value.length() > 128) {
            throw new IllegalArgumentException("incidentId must be 1-128 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
