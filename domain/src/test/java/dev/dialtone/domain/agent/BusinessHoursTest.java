package dev.dialtone.domain.agent;

import dev.dialtone.domain.agent.api.BusinessHours;
import dev.dialtone.domain.agent.api.TimeRange;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessHoursTest {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static final BusinessHours WEEKDAY_MORNINGS = new BusinessHours(Map.of(
            DayOfWeek.MONDAY, List.of(new TimeRange(8 * 60, 12 * 60), new TimeRange(13 * 60, 24 * 60))));

    @Test
    void rangesAreHalfOpenInLocalTime() {
        assertThat(WEEKDAY_MORNINGS.isOpenAt(ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, LA))).isTrue();
        assertThat(WEEKDAY_MORNINGS.isOpenAt(ZonedDateTime.of(2026, 11, 23, 11, 59, 0, 0, LA))).isTrue();
        assertThat(WEEKDAY_MORNINGS.isOpenAt(ZonedDateTime.of(2026, 11, 23, 12, 0, 0, 0, LA))).isFalse();
        assertThat(WEEKDAY_MORNINGS.isOpenAt(ZonedDateTime.of(2026, 11, 23, 23, 59, 0, 0, LA))).isTrue();
        assertThat(WEEKDAY_MORNINGS.isOpenAt(ZonedDateTime.of(2026, 11, 24, 9, 0, 0, 0, LA))).isFalse();
    }

    @Test
    void noConfiguredHoursMeansAroundTheClock() {
        assertThat(BusinessHours.ALWAYS.openAroundTheClock()).isTrue();
        assertThat(BusinessHours.ALWAYS.isOpenAt(ZonedDateTime.of(2026, 11, 29, 3, 12, 0, 0, LA))).isTrue();
    }

    @Test
    void aRangeMustEndAfterItStartsAndWithinTheDay() {
        assertThatThrownBy(() -> new TimeRange(18 * 60, 8 * 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeRange(0, 24 * 60 + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TimeRange(8 * 60, 24 * 60).format()).isEqualTo("08:00-24:00");
    }
}
