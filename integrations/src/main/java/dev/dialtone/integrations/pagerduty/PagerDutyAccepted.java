package dev.dialtone.integrations.pagerduty;

/**
 * PagerDuty's 202 answer: the event is queued, not yet processed, so an acceptance says nothing about whether an
 * incident was opened. Fields are PagerDuty's ({@code "success"}, {@code "Event processed"}, the dedup key); any of
 * them may be null when PagerDuty's answer lacked it.
 */
public record PagerDutyAccepted(String status, String message, String dedupKey) {
}
