package dev.dialtone.domain.agent.api;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When the business expects its phone answered, per local weekday. {@link #ALWAYS} (no hours configured) means the
 * line is expected to answer around the clock. A day without ranges is closed.
 */
public record BusinessHours(Map<DayOfWeek, List<TimeRange>> days) {

    /** Around the clock: what an agent without configured business hours means. */
    public static final BusinessHours ALWAYS = new BusinessHours(null);

    public BusinessHours {
        if (days != null) {
            EnumMap<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
            days.forEach((day, ranges) -> copy.put(day, List.copyOf(ranges)));
            days = Map.copyOf(copy);
        }
    }

    public boolean openAroundTheClock() {
        return days == null;
    }

    /** Whether the given local time (already in the agent's timezone) falls inside business hours. */
    public boolean isOpenAt(ZonedDateTime localTime) {
        if (days == null) {
            return true;
        }
        int minute = localTime.getHour() * 60 + localTime.getMinute();
        return days.getOrDefault(localTime.getDayOfWeek(), List.of()).stream().anyMatch(r -> r.contains(minute));
    }
}
