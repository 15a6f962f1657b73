package dev.dialtone.domain.sla;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TimeSpanTest {

    private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void unionAndDifferenceAgreeWithCountingSecondsForThousandsOfCases() {
        SplittableRandom random = new SplittableRandom(31);
        for (int scenario = 0; scenario < 3_000; scenario++) {
            int horizon = 200;
            List<TimeSpan> outages = spans(random, horizon);
            List<TimeSpan> maintenance = spans(random, horizon);
            TimeSpan window = new TimeSpan(T.plusSeconds(random.nextInt(50)), T.plusSeconds(100 + random.nextInt(100)));
            boolean[] down = new boolean[horizon];
            boolean[] planned = new boolean[horizon];
            outages.forEach(s -> mark(down, s));
            maintenance.forEach(s -> mark(planned, s));
            long expected = 0;
            for (int second = 0; second < horizon; second++) {
                Instant at = T.plusSeconds(second);
                if (down[second] && !planned[second] && !at.isBefore(window.start()) && at.isBefore(window.end())) {
                    expected++;
                }
            }
            assertThat(TimeSpan.millisWithin(TimeSpan.minus(outages, maintenance), window))
                    .as("scenario %d: %s minus %s within %s", scenario, outages, maintenance, window)
                    .isEqualTo(expected * 1000);
        }
    }

    private static List<TimeSpan> spans(SplittableRandom random, int horizon) {
        List<TimeSpan> spans = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            int start = random.nextInt(horizon);
            int end = Math.min(horizon, start + random.nextInt(60));
            spans.add(new TimeSpan(T.plusSeconds(start), T.plusSeconds(end)));
        }
        return spans;
    }

    private static void mark(boolean[] seconds, TimeSpan span) {
        for (long s = span.start().getEpochSecond(); s < span.end().getEpochSecond(); s++) {
            seconds[(int) (s - T.getEpochSecond())] = true;
        }
    }
}
