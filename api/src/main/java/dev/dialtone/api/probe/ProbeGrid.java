package dev.dialtone.api.probe;

import java.time.Duration;
import java.time.Instant;

/**
 * When a probe runs: on a grid of its interval, shifted by a phase derived from its key, so a thousand probes with the
 * same interval spread over it instead of all firing on the same second, and every node computes the same times. A
 * run that overruns its slot skips to the next free one: probes never pile up behind a hanging target.
 */
final class ProbeGrid {

    private ProbeGrid() {
    }

    /** The first slot strictly after {@code after}. */
    static Instant next(String key, Duration interval, Instant after) {
        long every = interval.toMillis();
        long phase = Math.floorMod(spread(key), every);
        long t = after.toEpochMilli();
        long slot = Math.floorDiv(t - phase, every) * every + phase;
        return Instant.ofEpochMilli(slot <= t ? slot + every : slot);
    }

    /** A well-mixed hash (String.hashCode alone puts similar keys next to each other). */
    private static long spread(String key) {
        long h = 1125899906842597L;
        for (int i = 0; i < key.length(); i++) {
            h = 31 * h + key.charAt(i);
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
