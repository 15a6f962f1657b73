package dev.dialtone.domain.detection;

import dev.dialtone.domain.agent.api.BusinessHours;
import dev.dialtone.domain.agent.api.TimeRange;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessCalendarTest {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static final BusinessHours WEEKDAYS_8_TO_6 = weekdays(8 * 60, 18 * 60);

    @Test
    void silenceCountsOnlyBusinessTimeAcrossTheNight() {
        BusinessCalendar calendar = new BusinessCalendar(WEEKDAYS_8_TO_6, LA);
        Instant lastCall = la(2026, 11, 24, 17, 50); // Tuesday
        assertThat(calendar.afterOpenTime(lastCall, Duration.ofMinutes(30)))
                .contains(la(2026, 11, 25, 8, 20));
    }

    @Test
    void silenceOverAWeekendWaitsForMonday() {
        BusinessCalendar calendar = new BusinessCalendar(WEEKDAYS_8_TO_6, LA);
        assertThat(calendar.afterOpenTime(la(2026, 11, 27, 17, 45), Duration.ofMinutes(30)))
                .contains(la(2026, 11, 30, 8, 15));
    }

    @Test
    void theSpringForwardNightIsAnHourShorter() {
        BusinessCalendar calendar = new BusinessCalendar(BusinessHours.ALWAYS, LA);
        Instant before = la(2026, 3, 8, 1, 50);
        assertThat(calendar.afterOpenTime(before, Duration.ofMinutes(30))).contains(la(2026, 3, 8, 3, 20));

        BusinessCalendar sundays = new BusinessCalendar(new BusinessHours(Map.of(DayOfWeek.SUNDAY,
                List.of(new TimeRange(0, 24 * 60)))), LA);
        assertThat(sundays.openTimeBetween(la(2026, 3, 8, 0, 0), la(2026, 3, 9, 0, 0)))
                .isEqualTo(Duration.ofHours(23));
        assertThat(sundays.openTimeBetween(la(2026, 11, 1, 0, 0), la(2026, 11, 2, 0, 0)))
                .isEqualTo(Duration.ofHours(25));
    }

    @Test
    void aRangeStartingInTheSkippedHourOpensWhenTheClocksSayItDoes() {
        BusinessCalendar calendar = new BusinessCalendar(new BusinessHours(Map.of(DayOfWeek.SUNDAY,
                List.of(new TimeRange(2 * 60 + 30, 4 * 60)))), LA);
        // 02:30 does not exist on 2026-03-08 in Los Angeles; the range opens at 03:30 PDT
        assertThat(calendar.afterOpenTime(la(2026, 3, 8, 0, 0), Duration.ofMinutes(10)))
                .contains(ZonedDateTime.of(2026, 3, 8, 3, 40, 0, 0, LA).toInstant());
    }

    @Test
    void aScheduleWithNoOpenDayNeverElapses() {
        BusinessCalendar calendar = new BusinessCalendar(new BusinessHours(Map.of()), LA);
        assertThat(calendar.afterOpenTime(la(2026, 11, 24, 9, 0), Duration.ofMinutes(30))).isEmpty();
        assertThat(calendar.isOpen(la(2026, 11, 24, 9, 0))).isFalse();
    }

    @Test
    void afterOpenTimeAndOpenTimeBetweenAgreeForThousandsOfCases() {
        SplittableRandom random = new SplittableRandom(5);
        BusinessCalendar calendar = new BusinessCalendar(weekdays(9 * 60 + 15, 17 * 60), LA);
        Instant start = la(2026, 1, 1, 0, 0);
        for (int i = 0; i < 2_000; i++) {
            Instant from = start.plusSeconds(random.nextLong(365L * 24 * 3600));
            Duration open = Duration.ofMinutes(1 + random.nextInt(3 * 24 * 60));
            Instant due = calendar.afterOpenTime(from, open).orElseThrow();
            assertThat(calendar.openTimeBetween(from, due)).as("from %s plus %s", from, open).isEqualTo(open);
            assertThat(calendar.isOpen(due.minusSeconds(1))).as("the last second counted is open").isTrue();
        }
    }

    private static BusinessHours weekdays(int from, int to) {
        Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            days.put(day, List.of(new TimeRange(from, to)));
        }
        return new BusinessHours(days);
    }

    private static Instant la(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, LA).toInstant();
    }
}
