package dev.dialtone.integrations.pagerduty;

/**
 * A PagerDuty webhook body that lacks what every v3 delivery must carry (the {@code event} envelope and its type, an
 * incident id on incident changes); the endpoint answers 400 with this message. Unknown event types are never
 * malformed.
 */
public final class MalformedPagerDutyWebhookException extends RuntimeException {

    public MalformedPagerDutyWebhookException(String message) {
        super(message);
    }
}
