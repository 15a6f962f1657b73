package dev.dialtone.integrations.slack;

import java.time.Duration;
import java.util.Set;

/**
 * A Slack call that did not succeed, classified so the durable scheduler knows whether to try again and when: a
 * rate limit, a Slack outage or a network problem is worth retrying, a missing channel or a revoked token is not.
 */
public class SlackApiFailure extends RuntimeException {

    private static final Set<String> RETRYABLE_ERRORS = Set.of(
            "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout");

    private final String error;
    private final boolean retryable;
    private final Duration retryAfter;

    public SlackApiFailure(String message, String error, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.error = error;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** A failure for an {@code ok:false} answer, retryable when Slack's documentation calls the error transient. */
    static SlackApiFailure fromError(String method, String error) {
        String code = error == null || error.isBlank() ? "unknown_error" : error;
        return new SlackApiFailure(method + " failed: " + code, code, isRetryableError(code), null, null);
    }

    /** Whether an {@code ok:false} error code names a transient condition on Slack's side. */
    public static boolean isRetryableError(String error) {
        return error != null && RETRYABLE_ERRORS.contains(error);
    }

    /**
     * Slack's error code ({@code channel_not_found}, {@code ratelimited}), or ours when Slack gave none:
     * {@code http_<status>}, {@code timeout}, {@code io}, {@code invalid_response}.
     */
    public String error() {
        return error;
    }

    public boolean retryable() {
        return retryable;
    }

    /** How long Slack asked us to wait ({@code Retry-After}), or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
