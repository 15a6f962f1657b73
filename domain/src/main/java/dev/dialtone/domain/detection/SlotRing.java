package dev.dialtone.domain.detection;

import java.util.Arrays;

/**
 * Good and bad call counts in fixed slots of event time, with running sums over trailing windows (the newest
 * {@code length} slots, the current one included). Adding a late call to a slot still inside a window counts it
 * there; calls older than the ring are dropped.
 */
final class SlotRing {

    private final long slotSeconds;
    private final int size;
    private final int[] windows;
    private final int[] good;
    private final int[] bad;
    private final long[] windowGood;
    private final long[] windowBad;
    /** The slot number (epoch seconds / slot length) of the newest slot; MIN_VALUE while empty. */
    private long head = Long.MIN_VALUE;

    SlotRing(long slotSeconds, int size, int... windows) {
        this.slotSeconds = slotSeconds;
        this.size = size;
        this.windows = windows.clone();
        for (int window : windows) {
            if (window > size) {
                throw new IllegalArgumentException("window longer than the ring");
            }
        }
        this.good = new int[size];
        this.bad = new int[size];
        this.windowGood = new long[windows.length];
        this.windowBad = new long[windows.length];
    }

    void add(long epochSecond, boolean isBad) {
        long slot = Math.floorDiv(epochSecond, slotSeconds);
        if (head == Long.MIN_VALUE) {
            head = slot;
        } else if (slot > head) {
            advanceTo(slot);
        } else if (slot <= head - size) {
            return;
        }
        int index = index(slot);
        if (isBad) {
            bad[index]++;
        } else {
            good[index]++;
        }
        for (int w = 0; w < windows.length; w++) {
            if (slot > head - windows[w]) {
                if (isBad) {
                    windowBad[w]++;
                } else {
                    windowGood[w]++;
                }
            }
        }
    }

    /** Good count in window {@code w} (an index into the lengths given at construction). */
    long good(int w) {
        return windowGood[w];
    }

    long bad(int w) {
        return windowBad[w];
    }

    private void advanceTo(long slot) {
        long steps = slot - head;
        if (steps >= size) {
            Arrays.fill(good, 0);
            Arrays.fill(bad, 0);
            Arrays.fill(windowGood, 0);
            Arrays.fill(windowBad, 0);
            head = slot;
            return;
        }
        for (long s = head + 1; s <= slot; s++) {
            for (int w = 0; w < windows.length; w++) {
                int leaving = index(s - windows[w]);
                windowGood[w] -= good[leaving];
                windowBad[w] -= bad[leaving];
            }
            int recycled = index(s);
            good[recycled] = 0;
            bad[recycled] = 0;
        }
        head = slot;
    }

    private int index(long slot) {
        return (int) Math.floorMod(slot, (long) size);
    }

    /** Takes over another ring's counts (same geometry), e.g. when the SLO target changes. */
    void copyFrom(SlotRing other) {
        System.arraycopy(other.good, 0, good, 0, size);
        System.arraycopy(other.bad, 0, bad, 0, size);
        System.arraycopy(other.windowGood, 0, windowGood, 0, windows.length);
        System.arraycopy(other.windowBad, 0, windowBad, 0, windows.length);
        head = other.head;
    }

    // --- persistence: only non-empty slots are written

    long head() {
        return head;
    }

    /** The first epoch second of the newest slot. */
    long newestSecond() {
        return head == Long.MIN_VALUE ? Long.MIN_VALUE : head * slotSeconds;
    }

    int size() {
        return size;
    }

    /**
     * Visits the slots newest first as runs of equal (good, bad) counts, for compact persistence. Walks the arrays
     * directly: this runs for every agent touched by every detection batch.
     */
    void writeRuns(RunWriter writer) throws java.io.IOException {
        int index = index(head);
        int age = 0;
        while (age < size) {
            int g = good[index];
            int b = bad[index];
            int run = 0;
            while (age < size && good[index] == g && bad[index] == b) {
                run++;
                age++;
                index = index == 0 ? size - 1 : index - 1;
            }
            writer.write(run, g, b);
        }
    }

    /** Receives one run of equal slots. */
    interface RunWriter {
        void write(int run, int good, int bad) throws java.io.IOException;
    }

    void restore(long newHead, int age, int goodCount, int badCount) {
        head = newHead;
        int index = index(newHead - age);
        good[index] = goodCount;
        bad[index] = badCount;
        for (int w = 0; w < windows.length; w++) {
            if (age < windows[w]) {
                windowGood[w] += goodCount;
                windowBad[w] += badCount;
            }
        }
    }

    void restoreHead(long newHead) {
        head = newHead;
    }
}
