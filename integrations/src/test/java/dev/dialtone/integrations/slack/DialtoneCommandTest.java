package dev.dialtone.integrations.slack;

import dev.dialtone.integrations.slack.DialtoneCommand.Acknowledge;
import dev.dialtone.integrations.slack.DialtoneCommand.Escalate;
import dev.dialtone.integrations.slack.DialtoneCommand.Help;
import dev.dialtone.integrations.slack.DialtoneCommand.Resolve;
import dev.dialtone.integrations.slack.DialtoneCommand.Sla;
import dev.dialtone.integrations.slack.DialtoneCommand.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class DialtoneCommandTest {

    @Test
    void statusOfAllAgentsOrOne() {
        assertThat(DialtoneCommand.parse("status")).isEqualTo(new Status(null));
        assertThat(DialtoneCommand.parse("  STATUS   frontdesk ")).isEqualTo(new Status("frontdesk"));
    }

    @Test
    void acknowledgeByEitherName() {
        assertThat(DialtoneCommand.parse("ack frontdesk-3")).isEqualTo(new Acknowledge("frontdesk-3"));
        assertThat(DialtoneCommand.parse("acknowledge frontdesk-3")).isEqualTo(new Acknowledge("frontdesk-3"));
    }

    @Test
    void resolveWithAndWithoutANote() {
        assertThat(DialtoneCommand.parse("resolve frontdesk-3")).isEqualTo(new Resolve("frontdesk-3", null));
        assertThat(DialtoneCommand.parse("resolve frontdesk-3 carrier fixed   the trunk, see ticket #42"))
                .isEqualTo(new Resolve("frontdesk-3", "carrier fixed   the trunk, see ticket #42"));
    }

    @Test
    void escalate() {
        assertThat(DialtoneCommand.parse("escalate frontdesk-3")).isEqualTo(new Escalate("frontdesk-3"));
    }

    @Test
    void slaForThisMonthOrAGivenOne() {
        assertThat(DialtoneCommand.parse("sla frontdesk")).isEqualTo(new Sla("frontdesk", null));
        assertThat(DialtoneCommand.parse("sla frontdesk 2026-11")).isEqualTo(new Sla("frontdesk", YearMonth.of(2026, 11)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"help", "  HELP "})
    void helpWhenAskedOrGivenNothing(String text) {
        assertThat(DialtoneCommand.parse(text)).isEqualTo(new Help(null));
    }

    @Test
    void anUnknownVerbExplainsItself() {
        assertThat(DialtoneCommand.parse("page frontdesk-3"))
                .isEqualTo(new Help("unknown command `page`"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ack", "acknowledge", "resolve", "escalate"})
    void aMissingIncidentIdExplainsItself(String verb) {
        assertThat(DialtoneCommand.parse(verb)).isInstanceOfSatisfying(Help.class,
                help -> assertThat(help.problem()).contains("needs an incident id").contains(verb));
    }

    @Test
    void tooManyWordsAreAProblemWhereNoNoteIsExpected() {
        assertThat(DialtoneCommand.parse("ack frontdesk-3 frontdesk-4")).isInstanceOf(Help.class);
        assertThat(DialtoneCommand.parse("escalate frontdesk-3 now")).isInstanceOf(Help.class);
        assertThat(DialtoneCommand.parse("status frontdesk backoffice")).isInstanceOf(Help.class);
        assertThat(DialtoneCommand.parse("sla frontdesk 2026-11 2026-12")).isInstanceOf(Help.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13", "2026-1", "11-2026", "november", "2026-11-01"})
    void aBadMonthExplainsTheFormat(String month) {
        assertThat(DialtoneCommand.parse("sla frontdesk " + month)).isInstanceOfSatisfying(Help.class,
                help -> assertThat(help.problem()).contains(month).contains("YYYY-MM"));
    }

    @Test
    void slaNeedsAnAgent() {
        assertThat(DialtoneCommand.parse("sla")).isInstanceOfSatisfying(Help.class,
                help -> assertThat(help.problem()).contains("agent"));
    }

    @Test
    void usageListsEveryCommand() {
        assertThat(DialtoneCommand.usage()).contains("/dialtone status", "/dialtone ack", "/dialtone resolve",
                "/dialtone escalate", "/dialtone sla", "/dialtone help", "YYYY-MM");
    }
}
