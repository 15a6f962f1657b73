package dev.dialtone.domain.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A half-open span of time [start, end). */
public record TimeSpan(Instant start, Instant end) {

    public TimeSpan {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a span must not end before it starts");
        }
    }

    public long millis() {
        return Duration.between(start, end).toMillis();
    }

    public boolean isEmpty() {
        return !end.isAfter(start);
    }

    /** The part of this span inside {@code other}, possibly empty. */
    public TimeSpan clip(TimeSpan other) {
        Instant s = start.isAfter(other.start) ? start : other.start;
        Instant e = end.isBefore(other.end) ? end : other.end;
        return e.isAfter(s) ? new TimeSpan(s, e) : new TimeSpan(s, s);
    }

    /** Overlapping and touching spans merged, sorted, empty ones dropped. */
    public static List<TimeSpan> union(List<TimeSpan> spans) {
        List<TimeSpan> sorted = spans.stream().filter(s -> !s.isEmpty())
                .sorted(Comparator.comparing(TimeSpan::start)).toList();
        List<TimeSpan> merged = new ArrayList<>();
        for (TimeSpan span : sorted) {
            if (!merged.isEmpty() && !span.start.isAfter(merged.get(merged.size() - 1).end)) {
                TimeSpan last = merged.remove(merged.size() - 1);
                merged.add(new TimeSpan(last.start, span.end.isAfter(last.end) ? span.end : last.end));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    /** The parts of {@code spans} not covered by {@code removed}. */
    public static List<TimeSpan> minus(List<TimeSpan> spans, List<TimeSpan> removed) {
        List<TimeSpan> result = new ArrayList<>();
        List<TimeSpan> holes = union(removed);
        for (TimeSpan span : union(spans)) {
            Instant cursor = span.start;
            for (TimeSpan hole : holes) {
                if (!hole.end.isAfter(cursor) || !hole.start.isBefore(span.end)) {
                    continue;
                }
                if (hole.start.isAfter(cursor)) {
                    result.add(new TimeSpan(cursor, hole.start));
                }
                cursor = hole.end.isAfter(cursor) ? hole.end : cursor;
            }
            if (span.end.isAfter(cursor)) {
                result.add(new TimeSpan(cursor, span.end));
            }
        }
        return result;
    }

    /** Total length of the union of {@code spans} inside {@code window}. */
    public static long millisWithin(List<TimeSpan> spans, TimeSpan window) {
        return union(spans.stream().map(s -> s.clip(window)).toList()).stream().mapToLong(TimeSpan::millis).sum();
    }
}
