package dev.dialtone.api.delivery;

import java.time.Instant;

/**
 * A delivery attempt failed and is to be tried again at {@code retryAt} (already recorded on the timeline); thrown
 * out of a task so that {@link BackoffFailureHandler} reschedules it.
 */
public final class DeliveryFailed extends RuntimeException {

    private final transient Instant retryAt;

    public DeliveryFailed(String message, Instant retryAt) {
        super(message, null, false, false);
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
