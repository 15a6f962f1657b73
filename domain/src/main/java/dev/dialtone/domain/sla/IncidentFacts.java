package dev.dialtone.domain.sla;

import java.time.Instant;

/**
 * What an SLA report needs of one incident, as known at the report's "as of" time (later facts already removed).
 *
 * @param recoveredAt when the problem ended in event time, if detection saw it; else null
 */
public record IncidentFacts(String incidentId, Instant detectedAt, Instant openedAt, Instant acknowledgedAt,
                            Instant resolvedAt, Instant recoveredAt) {
}
