package dev.dialtone.api.signal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RecentSignalIdsTest {

    @Test
    void neverMissesAnIdentifierOfTheLastGeneration() {
        RecentSignalIds recent = new RecentSignalIds(10_000);
        List<String> ids = ids(10_000);
        recent.addAll(ids);
        for (String id : ids) {
            assertThat(recent.mightContainAny(List.of(id))).as(id).isTrue();
        }
    }

    @Test
    void rarelyClaimsToKnowAnIdentifierItNeverSaw() {
        RecentSignalIds recent = new RecentSignalIds(10_000);
        recent.addAll(ids(10_000));
        int falsePositives = 0;
        for (String id : ids(10_000)) {
            if (recent.mightContainAny(List.of(id))) {
                falsePositives++;
            }
        }
        assertThat(falsePositives).as("false positives among 10,000 unseen ids").isLessThan(300);
    }

    @Test
    void forgetsIdentifiersTwoGenerationsOld() {
        RecentSignalIds recent = new RecentSignalIds(1_000);
        List<String> old = ids(1_000);
        recent.addAll(old);
        recent.addAll(ids(1_000));
        assertThat(old.stream().filter(id -> recent.mightContainAny(List.of(id))).count())
                .as("still remembered one generation later").isEqualTo(1_000);
        recent.addAll(ids(1_001));
        assertThat(old.stream().filter(id -> recent.mightContainAny(List.of(id))).count())
                .as("remembered two generations later").isLessThan(100);
    }

    private static List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }
}
