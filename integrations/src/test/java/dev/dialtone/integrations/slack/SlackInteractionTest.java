package dev.dialtone.integrations.slack;

import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlackInteractionTest {

    /** A form body as Slack posts it: one field, payload, URL-encoded JSON. */
    private static String form(String payloadJson) {
        return "payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8);
    }

    @Test
    void readsSlacksDocumentedBlockActionsPayload() {
        SlackInteraction interaction = SlackInteraction.parse(form(SlackSamples.text("block_actions_payload.derived.json")));

        assertThat(interaction).isEqualTo(new SlackInteraction("block_actions", "T9TK3CUKW", "UA8RXUSPL", "jtorrance",
                "WaXA", "click_me_123",
                "https://hooks.slack.com/actions/AABA1ABCD/1232321423432/D09sSasdasdAS9091209", "CBR2V3XEX",
                "1548261231.000200"));
    }

    @Test
    void readsAClickOnTheIncidentCard() {
        String payload = """
                {"type":"block_actions","user":{"id":"U0ALICE","name":"alice","team_id":"T0DIALTONE"},
                 "container":{"type":"message","channel_id":"C0INC3","is_ephemeral":false},
                 "message":{"type":"message","ts":"1795594320.000200"},
                 "response_url":"https://hooks.slack.com/actions/T0DIALTONE/1/x",
                 "actions":[{"type":"button","action_id":"dialtone_acknowledge","value":"frontdesk-3",
                             "block_id":"b1","action_ts":"1795594400.1"}]}""";

        SlackInteraction interaction = SlackInteraction.parse(form(payload));

        assertThat(interaction.actionId()).isEqualTo(IncidentCards.ACKNOWLEDGE);
        assertThat(interaction.value()).isEqualTo("frontdesk-3");
        assertThat(interaction.userName()).as("user.name when there is no username").isEqualTo("alice");
        assertThat(interaction.teamId()).as("user.team_id when there is no team").isEqualTo("T0DIALTONE");
        assertThat(interaction.channelId()).as("container.channel_id when there is no channel").isEqualTo("C0INC3");
        assertThat(interaction.messageTs()).as("message.ts when the container has none").isEqualTo("1795594320.000200");
    }

    @Test
    void aFormWithoutPayloadIsMalformed() {
        assertThatThrownBy(() -> SlackInteraction.parse("token=abc"))
                .isInstanceOf(MalformedSlackRequestException.class)
                .hasMessageContaining("payload");
    }

    @Test
    void aPayloadThatIsNotJsonIsMalformed() {
        assertThatThrownBy(() -> SlackInteraction.parse(form("{\"type\":")))
                .isInstanceOf(MalformedSlackRequestException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> SlackInteraction.parse(form("[1,2]")))
                .isInstanceOf(MalformedSlackRequestException.class);
    }

    @Test
    void aPayloadWithoutUserIsMalformed() {
        assertThatThrownBy(() -> SlackInteraction.parse(form("{\"type\":\"block_actions\",\"actions\":[{\"action_id\":\"a\"}]}")))
                .isInstanceOf(MalformedSlackRequestException.class)
                .hasMessageContaining("user");
    }

    @Test
    void aBlockActionsPayloadWithoutActionIsMalformed() {
        assertThatThrownBy(() -> SlackInteraction.parse(form("{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"actions\":[]}")))
                .isInstanceOf(MalformedSlackRequestException.class)
                .hasMessageContaining("action_id");
    }
}
