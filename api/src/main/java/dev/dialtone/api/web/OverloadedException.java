package dev.dialtone.api.web;

import java.time.Duration;

/** The service is at capacity: the request is refused whole (nothing stored) and may be sent again later. */
public final class OverloadedException extends RuntimeException {

    private final transient Duration retryAfter;

    public OverloadedException(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
