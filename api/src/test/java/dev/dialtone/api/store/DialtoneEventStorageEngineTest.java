package dev.dialtone.api.store;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written timestamp parser must read exactly what Axon's own parser reads. */
class DialtoneEventStorageEngineTest {

    @Test
    void readsEveryTimestampAxonWritesAsAxonReadsIt() {
        SplittableRandom random = new SplittableRandom(20261125);
        long from = Instant.parse("1970-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2200-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(from, to));
            String stamp = DateTimeUtils.formatInstant(instant);
            assertThat(DialtoneEventStorageEngine.parse(stamp)).as(stamp).isEqualTo(instant)
                    .isEqualTo(DateTimeUtils.parseInstant(stamp));
        }
        for (String edge : new String[] {"2024-02-29T23:59:59.999Z", "2026-12-31T00:00:00.000Z",
                "2026-03-08T10:00:00.001Z", "0000-01-01T00:00:00.000Z"}) {
            assertThat(DialtoneEventStorageEngine.parse(edge)).isEqualTo(DateTimeUtils.parseInstant(edge));
        }
    }

    @Test
    void leavesAnythingElseToAxon() {
        for (String other : new String[] {"2026-11-25T14:28:00.123+01:00", "2026-11-25T14:28:00Z",
                "2026-11-25T14:28:00.123456Z", "2026-11-25t14:28:00.123z"}) {
            assertThat(DialtoneEventStorageEngine.parse(other)).as(other).isEqualTo(DateTimeUtils.parseInstant(other));
        }
        for (String invalid : new String[] {"2026-02-30T00:00:00.000Z", "2026-13-01T00:00:00.000Z",
                "2026-11-25T24:00:00.000Z", "2026-11-25T14:28:0x.123Z"}) {
            assertThatThrownBy(() -> DialtoneEventStorageEngine.parse(invalid)).as(invalid)
                    .isInstanceOf(DateTimeParseException.class);
        }
    }
}
