package dev.dialtone.integrations.pagerduty;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagerDutyEventTest {

    private static final String ROUTING_KEY = "e93facc04764012d7bfb002500d5d1a6";

    private static PagerDutyEvent triggerWithSummary(String summary) {
        return PagerDutyEvent.trigger(ROUTING_KEY, "inc-1", summary, "dialtone", PagerDutySeverity.ERROR);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void aTriggerNeedsASummaryAndASource(String missing) {
        assertThatThrownBy(() -> triggerWithSummary(missing))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("summary");
        assertThatThrownBy(() -> PagerDutyEvent.trigger(ROUTING_KEY, "inc-1", "down", missing, PagerDutySeverity.ERROR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source");
    }

    @Test
    void aTriggerNeedsASeverity() {
        assertThatThrownBy(() -> PagerDutyEvent.trigger(ROUTING_KEY, "inc-1", "down", "dialtone", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("severity");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void everyEventNeedsARoutingKeyAndADedupKey(String missing) {
        assertThatThrownBy(() -> PagerDutyEvent.resolve(missing, "inc-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("routingKey");
        assertThatThrownBy(() -> PagerDutyEvent.acknowledge(ROUTING_KEY, missing))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dedupKey");
        assertThatThrownBy(() -> PagerDutyEvent.trigger(ROUTING_KEY, missing, "down", "dialtone",
                PagerDutySeverity.INFO)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dedupKey");
    }

    @Test
    void aDedupKeyLongerThanPagerDutyAcceptsIsRefusedBeforeSending() {
        assertThat(PagerDutyEvent.resolve(ROUTING_KEY, "k".repeat(255)).dedupKey()).hasSize(255);
        assertThatThrownBy(() -> PagerDutyEvent.resolve(ROUTING_KEY, "k".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 255");
    }

    @Test
    void acknowledgeAndResolveNeedNoPayload() {
        PagerDutyEvent ack = PagerDutyEvent.acknowledge(ROUTING_KEY, "inc-1");

        assertThat(ack.action()).isEqualTo(PagerDutyEvent.Action.ACKNOWLEDGE);
        assertThat(ack.summary()).isNull();
        assertThat(ack.customDetails()).isEmpty();
        assertThat(ack.links()).isEmpty();
        assertThat(PagerDutyEvent.resolve(ROUTING_KEY, "inc-1").action()).isEqualTo(PagerDutyEvent.Action.RESOLVE);
    }

    @Test
    void aLongSummaryIsCutToPagerDutysLimitWithAnEllipsis() {
        String summary = "x".repeat(1000) + "y".repeat(1000);

        String sent = triggerWithSummary(summary).summary();

        assertThat(sent).hasSize(PagerDutyEvent.MAX_SUMMARY_LENGTH).endsWith("y…").startsWith("x".repeat(1000));
    }

    @Test
    void aSummaryAtTheLimitIsKeptWhole() {
        String summary = "z".repeat(PagerDutyEvent.MAX_SUMMARY_LENGTH);

        assertThat(triggerWithSummary(summary).summary()).isEqualTo(summary);
    }

    @Test
    void cuttingNeverSplitsACharacterInTwo() {
        String summary = "a".repeat(1022) + "\uD83D\uDCDE" + "b".repeat(100);

        String sent = triggerWithSummary(summary).summary();

        assertThat(sent).isEqualTo("a".repeat(1022) + "…");
        assertThat(sent.chars().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
    }

    @Test
    void detailsAndLinksAreCopiedSoLaterChangesDoNotLeakIn() {
        Map<String, Object> details = new HashMap<>();
        details.put("agent", "front-desk");
        details.put("lastCallId", null);
        List<PagerDutyLink> links = new ArrayList<>(List.of(new PagerDutyLink("https://dialtone.example/i/1", null)));

        PagerDutyEvent event = triggerWithSummary("down").withCustomDetails(details).withLinks(links);
        details.put("agent", "changed");
        links.clear();

        assertThat(event.customDetails()).containsEntry("agent", "front-desk").containsEntry("lastCallId", null);
        assertThat(event.links()).hasSize(1);
    }

    @Test
    void aLinkNeedsAnHref() {
        assertThatThrownBy(() -> new PagerDutyLink(" ", "Dialtone"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("href");
    }

    @Test
    void severitiesUseTheWireValuesOfTheCommonEventFormat() {
        assertThat(List.of(PagerDutySeverity.values())).extracting(PagerDutySeverity::wireValue)
                .containsExactly("critical", "error", "warning", "info");
    }
}
