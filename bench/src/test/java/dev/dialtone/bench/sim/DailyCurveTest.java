package dev.dialtone.bench.sim;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DailyCurveTest {

    private static double weekday(String time) {
        return DailyCurve.factor(LocalTime.parse(time), DayOfWeek.TUESDAY);
    }

    @Test
    void nightsAreNearlySilent() {
        for (String time : new String[]{"00:00", "02:30", "04:00", "05:59", "22:30", "23:59"}) {
            assertThat(weekday(time)).as(time).isLessThan(0.05).isPositive();
        }
    }

    @Test
    void rampsUpBetweenEightAndTen() {
        double previous = weekday("08:00");
        for (int minute = 1; minute <= 120; minute++) {
            double now = DailyCurve.factor(LocalTime.of(8, 0).plusMinutes(minute), DayOfWeek.TUESDAY);
            assertThat(now).as("08:00 + %d min", minute).isGreaterThan(previous);
            previous = now;
        }
        assertThat(weekday("08:00")).isLessThan(0.35);
        assertThat(weekday("10:00")).isGreaterThan(0.85);
    }

    @Test
    void peaksLateMorningAndHoldsHighIntoTheEarlyAfternoon() {
        LocalTime busiest = LocalTime.MIDNIGHT;
        for (int minute = 0; minute < 24 * 60; minute++) {
            LocalTime time = LocalTime.MIDNIGHT.plusMinutes(minute);
            if (DailyCurve.factor(time, DayOfWeek.WEDNESDAY) > DailyCurve.factor(busiest, DayOfWeek.WEDNESDAY)) {
                busiest = time;
            }
        }
        assertThat(busiest).isEqualTo(LocalTime.of(11, 0));
        assertThat(weekday("11:00")).isEqualTo(1.0);
        assertThat(weekday("12:45")).as("lunch dip").isLessThan(weekday("11:00")).isLessThan(weekday("14:30"));
        assertThat(weekday("14:30")).isGreaterThan(0.9);
    }

    @Test
    void tapersOffBetweenSixAndSevenInTheEvening() {
        assertThat(weekday("16:00")).isGreaterThan(weekday("18:00"));
        assertThat(weekday("18:00")).isGreaterThan(weekday("19:00"));
        assertThat(weekday("18:00")).isLessThanOrEqualTo(0.3);
        assertThat(weekday("19:00")).isLessThan(0.15);
    }

    @Test
    void weekendsAreQuieterThanAnyWeekday() {
        for (int minute = 0; minute < 24 * 60; minute++) {
            LocalTime time = LocalTime.MIDNIGHT.plusMinutes(minute);
            double saturday = DailyCurve.factor(time, DayOfWeek.SATURDAY);
            double sunday = DailyCurve.factor(time, DayOfWeek.SUNDAY);
            for (DayOfWeek day : new DayOfWeek[]{DayOfWeek.MONDAY, DayOfWeek.FRIDAY}) {
                assertThat(saturday).as("%s Saturday vs %s", time, day).isLessThan(DailyCurve.factor(time, day));
            }
            assertThat(sunday).as("%s", time).isLessThan(saturday);
        }
    }

    @Test
    void isContinuousAcrossTheDayAndMidnight() {
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int second = 0; second < 24 * 3600; second += 30) {
                LocalTime time = LocalTime.ofSecondOfDay(second);
                double here = DailyCurve.factor(time, day);
                double next = DailyCurve.factor(time.plusSeconds(30), day);
                assertThat(here).isBetween(0.0, 1.0);
                assertThat(Math.abs(next - here)).as("%s %s", day, time).isLessThan(0.01);
            }
        }
        assertThat(DailyCurve.factor(LocalTime.of(23, 59, 59, 999_999_999), DayOfWeek.MONDAY))
                .isCloseTo(DailyCurve.factor(LocalTime.MIDNIGHT, DayOfWeek.MONDAY), within(1e-6));
    }
}
