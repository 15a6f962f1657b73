package dev.dialtone.integrations.slack;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything the incident card shows, flattened from the incident view so the card can be rendered (and
 * re-rendered on every status change) without the domain at hand.
 *
 * @param status         {@code OPEN}, {@code ACKNOWLEDGED} or {@code RESOLVED}
 * @param reason         one line on what went wrong, e.g. {@code inbound call DROPPED ×5}
 * @param zone           the agent's timezone, in which times are shown
 * @param acknowledgedBy who acknowledged, or null
 * @param resolvedBy     who resolved, or null
 * @param level          the escalation level reached (1-based), 0 before escalation starts
 * @param round          the escalation round (1-based)
 */
public record IncidentCard(String incidentId, String agentId, String kind, String severity, String status,
                           String reason, List<String> evidence, Instant since, ZoneId zone, String runbookUrl,
                           String incidentUrl, String acknowledgedBy, String resolvedBy, int level, int round) {

    public IncidentCard {
        Objects.requireNonNull(incidentId, "an incident card needs the incident id");
        Objects.requireNonNull(agentId, "an incident card needs the agent id");
        Objects.requireNonNull(kind, "an incident card needs the incident kind");
        Objects.requireNonNull(status, "an incident card needs the incident status");
        Objects.requireNonNull(since, "an incident card needs the time the incident started");
        Objects.requireNonNull(zone, "an incident card needs the agent's timezone");
        evidence = evidence == null ? List.of() : evidence.stream().filter(Objects::nonNull).toList();
    }
}
