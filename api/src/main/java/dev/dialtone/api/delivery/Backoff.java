package dev.dialtone.api.delivery;

import java.time.Duration;

/**
 * Retry delays: 1 s, 2 s, 4 s ... doubling up to 5 minutes, each spread by up to 20% either way. The spread is
 * derived from the delivery id, so every node computes the same next attempt and many deliveries that failed
 * together do not retry together.
 */
public final class Backoff {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofMinutes(5);

    private Backoff() {
    }

    public static Duration delay(int attempt, String deliveryId) {
        long base = FIRST.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, MAX.toMillis());
        double spread = 0.8 + 0.4 * ((deliveryId.hashCode() * 31L + attempt) & 0xffff) / 65535.0;
        return Duration.ofMillis(Math.round(capped * spread));
    }

    /** The backoff delay, or the receiver's {@code Retry-After} when it asks for longer. */
    public static Duration delay(int attempt, String deliveryId, Duration retryAfter) {
        Duration backoff = delay(attempt, deliveryId);
        return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    }

    /**
     * Whether a failed attempt goes on the incident's timeline: the first five, then one an hour or so, so a
     * receiver that is down for a day does not bury the story in repeats.
     */
    public static boolean worthRecording(int attempt) {
        return attempt <= 5 || attempt % 12 == 0;
    }
}
