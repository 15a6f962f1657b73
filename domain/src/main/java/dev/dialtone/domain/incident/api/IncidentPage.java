package dev.dialtone.domain.incident.api;

import java.util.List;

/** A page of incidents (without timelines); {@code nextCursor} is null on the last page. */
public record IncidentPage(List<IncidentView> items, String nextCursor) {
}
