package dev.dialtone.integrations.pagerduty;

import java.time.Duration;

/**
 * PagerDuty did not accept an event. Whether to try again follows PagerDuty's "Response Codes &amp; Retry Logic"
 * table (Events API v2 overview): 429, any 5xx and network errors are worth a retry; 400 and the other 4xx mean the
 * event itself is wrong, so no retry can succeed. The message is short enough for the incident timeline.
 */
public final class PagerDutyDeliveryException extends RuntimeException {

    private final int status;
    private final Duration retryAfter;

    public PagerDutyDeliveryException(String message, int status, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status PagerDuty answered with, or 0 when no answer arrived (timeout, refused, unreachable). */
    public int status() {
        return status;
    }

    public boolean retryable() {
        return status == 0 || status == 429 || status >= 500;
    }

    /** How long PagerDuty asked us to wait ({@code Retry-After}), or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
