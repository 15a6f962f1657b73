package dev.dialtone.integrations.pagerduty;

/**
 * Where alert events go, so escalation code can be tested against a fake and run against {@link PagerDutyClient}.
 * Blocking: one HTTP request per call, so call it from a worker thread, never from an event loop.
 */
public interface PagerDutyEvents {

    /**
     * Makes exactly one attempt; retrying is the caller's decision, guided by
     * {@link PagerDutyDeliveryException#retryable()}.
     */
    PagerDutyAccepted send(PagerDutyEvent event) throws PagerDutyDeliveryException;
}
