package dev.dialtone.bench.sim;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedTimeTest {

    private static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void atSpeedOneSimulatedTimeIsTheWallClock() {
        SimulatedTime time = SimulatedTime.starting(START, 1, 60);

        assertThat(time.at(0)).isEqualTo(START);
        assertThat(time.at(12.5)).isEqualTo(START.plusMillis(12_500));
    }

    @Test
    void aCompressedDayEndsNowAndNeverRunsAheadOfTheWallClock() {
        SimulatedTime time = SimulatedTime.starting(START, 1440, 60);

        assertThat(time.at(0)).isEqualTo(START.minus(Duration.ofHours(24)).plusSeconds(60));
        assertThat(time.at(60)).isEqualTo(START.plusSeconds(60));
        for (double elapsed = 0; elapsed <= 60; elapsed += 0.5) {
            assertThat(time.at(elapsed)).isBeforeOrEqualTo(START.plusMillis(Math.round(elapsed * 1000)));
        }
        assertThat(Duration.between(time.at(10), time.at(11))).isEqualTo(Duration.ofMinutes(24));
    }

    @Test
    void slowerThanRealTimeIsRefused() {
        assertThatThrownBy(() -> SimulatedTime.starting(START, 0.5, 60)).hasMessageContaining("at least 1");
    }
}
