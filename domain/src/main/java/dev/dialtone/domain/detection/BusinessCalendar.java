package dev.dialtone.domain.detection;

import dev.dialtone.domain.agent.api.BusinessHours;
import dev.dialtone.domain.agent.api.TimeRange;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Business hours laid on the real time line of one time zone. Ranges are local wall-clock times, converted per day,
 * so a day that loses or gains an hour to daylight saving time is open for one hour less or more, as the business
 * experiences it.
 */
public final class BusinessCalendar {

    /** Far enough to cross any schedule that is open at all; a schedule open on no day never elapses. */
    private static final int MAX_DAYS_AHEAD = 400;

    private final BusinessHours hours;
    private final ZoneId zone;

    public BusinessCalendar(BusinessHours hours, ZoneId zone) {
        this.hours = hours;
        this.zone = zone;
    }

    public boolean isOpen(Instant at) {
        return hours.isOpenAt(at.atZone(zone));
    }

    /**
     * The instant at which {@code openTime} of business time has passed since {@code from}: the moment a dead man's
     * switch armed at {@code from} should fire. Empty if the schedule is never open.
     */
    public Optional<Instant> afterOpenTime(Instant from, Duration openTime) {
        if (hours.openAroundTheClock()) {
            return Optional.of(from.plus(openTime));
        }
        Duration remaining = openTime;
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1); // a range may start the day before in UTC terms
        for (int i = 0; i < MAX_DAYS_AHEAD; i++, day = day.plusDays(1)) {
            for (TimeRange range : hours.days().getOrDefault(day.getDayOfWeek(), List.of())) {
                Instant start = localTime(day, range.fromMinute());
                Instant end = localTime(day, range.toMinute());
                if (!end.isAfter(from)) {
                    continue;
                }
                Instant effectiveStart = start.isBefore(from) ? from : start;
                Duration available = Duration.between(effectiveStart, end);
                if (available.compareTo(remaining) >= 0) {
                    return Optional.of(effectiveStart.plus(remaining));
                }
                remaining = remaining.minus(available);
            }
        }
        return Optional.empty();
    }

    /** Business time between two instants: how long a silence has lasted as far as the business is concerned. */
    public Duration openTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (hours.openAroundTheClock()) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
        for (LocalDate day = from.atZone(zone).toLocalDate().minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            for (TimeRange range : hours.days().getOrDefault(day.getDayOfWeek(), List.of())) {
                Instant start = max(localTime(day, range.fromMinute()), from);
                Instant end = min(localTime(day, range.toMinute()), to);
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** A local time of day as an instant; a time that daylight saving skips is moved forward, as clocks do. */
    private Instant localTime(LocalDate day, int minuteOfDay) {
        if (minuteOfDay == TimeRange.MINUTES_PER_DAY) {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return ZonedDateTime.of(day.atTime(minuteOfDay / 60, minuteOfDay % 60), zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
