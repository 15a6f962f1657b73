package dev.dialtone.domain.incident.api;

import java.time.Instant;

/** One step in an incident's story, e.g. {@code {at, "escalated", "level 2 of round 1: slack C0INC..."}}. */
public record TimelineEntry(Instant at, String type, String detail) {
}
