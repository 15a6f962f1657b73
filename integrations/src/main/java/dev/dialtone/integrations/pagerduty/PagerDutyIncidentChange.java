package dev.dialtone.integrations.pagerduty;

import java.time.Instant;

/**
 * A responder acknowledged or resolved an incident in PagerDuty, as a v3 webhook reported it, so Dialtone can stop
 * escalating and record who acted.
 *
 * @param eventId             PagerDuty's id for this webhook event ({@code event.id}), the same on every redelivery,
 *                            so it can drop repeats; null if absent
 * @param eventType           {@code incident.acknowledged} or {@code incident.resolved}
 * @param occurredAt          when the change happened ({@code event.occurred_at}); null if absent or unreadable
 * @param pagerDutyIncidentId PagerDuty's incident id ({@code event.data.id}), never null
 * @param incidentKey         {@code event.data.incident_key}: for an incident opened through the Events API, the
 *                            {@code dedup_key} of the alert that opened it, i.e. the key Dialtone chose; null if absent
 * @param actor               who made the change ({@code event.agent.summary}, a user's name); null when PagerDuty
 *                            names no agent
 * @param htmlUrl             the incident's page in PagerDuty ({@code event.data.html_url}); null if absent
 */
public record PagerDutyIncidentChange(String eventId, String eventType, Instant occurredAt, String pagerDutyIncidentId,
                                      String incidentKey, String actor, String htmlUrl) {
}
