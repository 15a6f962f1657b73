package dev.dialtone.domain.agent.api;

/**
 * A half-open span of a day, [from, to), in minutes after midnight; {@code to} may be 1440 so a range can run
 * until the end of the day.
 */
public record TimeRange(int fromMinute, int toMinute) {

    public static final int MINUTES_PER_DAY = 24 * 60;

    public TimeRange {
        if (fromMinute < 0 || fromMinute >= MINUTES_PER_DAY) {
            throw new IllegalArgumentException("range start must be between 00:00 and 23:59");
        }
        if (toMinute <= fromMinute || toMinute > MINUTES_PER_DAY) {
            throw new IllegalArgumentException("range end must be after its start and no later than 24:00");
        }
    }

    public boolean contains(int minuteOfDay) {
        return minuteOfDay >= fromMinute && minuteOfDay < toMinute;
    }

    public boolean overlaps(TimeRange other) {
        return fromMinute < other.toMinute && other.fromMinute < toMinute;
    }

    /** Formats as the API writes it, e.g. {@code 08:00-18:00}. */
    public String format() {
        return clock(fromMinute) + "-" + clock(toMinute);
    }

    private static String clock(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
