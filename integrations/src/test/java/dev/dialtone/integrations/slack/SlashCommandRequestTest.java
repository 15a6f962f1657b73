package dev.dialtone.integrations.slack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlashCommandRequestTest {

    @Test
    void readsSlacksDocumentedSlashCommandBody() {
        SlashCommandRequest request = SlashCommandRequest.parse(SlackSamples.text("signing_example_body.form.txt"));

        assertThat(request).isEqualTo(new SlashCommandRequest("T1DC2JH3J", "U2CERLKJA", "roadrunner",
                "/webhook-collect", "",
                "https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN", "G8PSS9T3V",
                "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"));
    }

    @Test
    void decodesTheTextAfterTheCommandAsUtf8() {
        SlashCommandRequest request = SlashCommandRequest.parse("team_id=T0DIALTONE&user_id=U0ALICE&user_name=alice"
                + "&command=%2Fdialtone&text=resolve+frontdesk-3+carrier+fixed+the+trunk+%E2%98%8E+%26+more"
                + "&channel_id=C0INC3&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0%2F1%2Fx");

        assertThat(request.command()).isEqualTo("/dialtone");
        assertThat(request.text()).isEqualTo("resolve frontdesk-3 carrier fixed the trunk ☎ & more");
        assertThat(request.responseUrl()).isEqualTo("https://hooks.slack.com/commands/T0/1/x");
        assertThat(request.triggerId()).isNull();
    }

    @Test
    void aCommandWithoutTextHasEmptyText() {
        assertThat(SlashCommandRequest.parse("user_id=U0ALICE&command=%2Fdialtone").text()).isEmpty();
    }

    @Test
    void aBodyWithoutTheCommandIsMalformed() {
        assertThatThrownBy(() -> SlashCommandRequest.parse("user_id=U0ALICE&text=status"))
                .isInstanceOf(MalformedSlackRequestException.class)
                .hasMessageContaining("command");
    }

    @Test
    void aBodyWithoutTheUserIsMalformed() {
        assertThatThrownBy(() -> SlashCommandRequest.parse("command=%2Fdialtone&user_id="))
                .isInstanceOf(MalformedSlackRequestException.class)
                .hasMessageContaining("user_id");
    }

    @Test
    void aBrokenEscapeIsMalformed() {
        assertThatThrownBy(() -> SlashCommandRequest.parse("user_id=U0ALICE&command=%2Fdialtone&text=%E2%9"))
                .isInstanceOf(MalformedSlackRequestException.class);
    }
}
