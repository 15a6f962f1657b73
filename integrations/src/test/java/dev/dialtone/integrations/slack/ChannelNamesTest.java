package dev.dialtone.integrations.slack;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelNamesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private static final String SLACK_RULE = "[a-z0-9_-]{1,80}";

    @Test
    void namesTheChannelByDateAgentAndNumber() {
        assertThat(ChannelNames.forIncident(DAY, "frontdesk", 3)).isEqualTo("inc-20261125-frontdesk-3");
    }

    @Test
    void lowercasesAndTurnsSpacesAndPunctuationIntoSingleHyphens() {
        assertThat(ChannelNames.forIncident(DAY, "Smith Law  Intake.Line!", 12))
                .isEqualTo("inc-20261125-smith-law-intake-line-12");
        assertThat(ChannelNames.forIncident(DAY, "--front_desk--", 1)).isEqualTo("inc-20261125-front_desk-1");
    }

    @Test
    void dropsAccentsAndReplacesWhatSlackRefuses() {
        assertThat(ChannelNames.forIncident(DAY, "Café Zürich ☎ Réception", 2))
                .isEqualTo("inc-20261125-cafe-zurich-reception-2");
    }

    @Test
    void anAgentIdWithNothingSlackAcceptsStillGetsADistinctName() {
        String first = ChannelNames.forIncident(DAY, "前台", 1);
        String second = ChannelNames.forIncident(DAY, "接待", 1);

        assertThat(first).matches("inc-20261125-agent-[0-9a-f]{6}-1").matches(SLACK_RULE);
        assertThat(second).matches(SLACK_RULE).isNotEqualTo(first);
    }

    @Test
    void shortensALongAgentIdButNeverTheNumber() {
        String longAgent = "a-very-long-agent-identifier-".repeat(5);

        String name = ChannelNames.forIncident(DAY, longAgent, 123456789);

        assertThat(name).hasSizeLessThanOrEqualTo(80).matches(SLACK_RULE)
                .startsWith("inc-20261125-a-very-long-agent-identifier-")
                .endsWith("-123456789")
                .doesNotContain("--");
        assertThat(ChannelNames.forIncident(DAY, longAgent + "x", 123456789))
                .as("two long ids with the same beginning stay apart")
                .isNotEqualTo(name);
    }

    @Test
    void isTheSameNameEveryTimeSoACrashReusesTheChannel() {
        assertThat(ChannelNames.forIncident(DAY, "Front Desk", 7)).isEqualTo(ChannelNames.forIncident(DAY, "Front Desk", 7));
    }

    @Test
    void refusesANegativeNumber() {
        assertThatThrownBy(() -> ChannelNames.forIncident(DAY, "frontdesk", -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
