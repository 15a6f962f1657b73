package dev.dialtone.api.signal;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * A hint, never a decision: which signal identifiers this node stored recently, as two rotating Bloom filters.
 * <p>
 * Most batches hold only new signals, and for them the query for already-stored identifiers costs about as much
 * as the insert. So a batch none of whose identifiers this node has seen is appended straight away; the unique
 * constraint still rejects a duplicate this node cannot know about (sent to another node, or before a restart), and
 * the batch is then filtered and retried. Filtering first for batches that may hold duplicates avoids inserts that
 * would fail and leave holes in the event sequence that every tracking processor then has to carry.
 * A false positive only costs the query.
 */
final class RecentSignalIds {

    private static final int HASHES = 7;

    private final int capacity;
    private final int bits;
    private BitSet current;
    private BitSet previous;
    private int added;

    /** @param capacity identifiers per generation; about two generations are remembered, at ~1% false positives */
    RecentSignalIds(int capacity) {
        this.capacity = capacity;
        this.bits = Math.max(64, (int) Math.ceil(capacity * 9.6)); // m/n = 9.6 bits for 1% at k = 7
        this.current = new BitSet(bits);
        this.previous = new BitSet(bits);
    }

    synchronized boolean mightContainAny(Iterable<String> ids) {
        for (String id : ids) {
            long[] h = hash(id);
            if (contains(current, h) || contains(previous, h)) {
                return true;
            }
        }
        return false;
    }

    synchronized void addAll(Iterable<String> ids) {
        for (String id : ids) {
            if (added == capacity) {
                previous = current;
                current = new BitSet(bits);
                added = 0;
            }
            long[] h = hash(id);
            for (int i = 0; i < HASHES; i++) {
                current.set(index(h, i));
            }
            added++;
        }
    }

    private boolean contains(BitSet filter, long[] h) {
        for (int i = 0; i < HASHES; i++) {
            if (!filter.get(index(h, i))) {
                return false;
            }
        }
        return true;
    }

    /** Double hashing (Kirsch-Mitzenmacher): k indexes from two 64-bit hashes. */
    private int index(long[] h, int i) {
        return (int) Long.remainderUnsigned(h[0] + i * h[1], bits);
    }

    private static long[] hash(String id) {
        long h1 = 0xcbf29ce484222325L;
        long h2 = 0x9e3779b97f4a7c15L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h1 = (h1 ^ b) * 0x100000001b3L;
            h2 = Long.rotateLeft(h2 ^ b, 27) * 0xc2b2ae3d27d4eb4fL;
        }
        return new long[]{mix(h1), mix(h2) | 1};
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
