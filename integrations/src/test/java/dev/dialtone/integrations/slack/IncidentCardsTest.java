package dev.dialtone.integrations.slack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentCardsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant SINCE = Instant.parse("2026-11-25T08:12:00Z");

    private static IncidentCard card(String status, String acknowledgedBy, String resolvedBy) {
        return new IncidentCard("frontdesk-3", "frontdesk", "OUTAGE", "SEV1", status, "inbound call DROPPED ×5",
                List.of("08:12:04Z call CA01 DROPPED after 0 s", "08:12:31Z call CA02 DROPPED after 0 s",
                        "08:12:40Z health check DOWN: 503 from https://agent.example/health"),
                SINCE, NEW_YORK, "https://dialtone.example/runbooks/outage", "https://dialtone.example/incidents/frontdesk-3",
                acknowledgedBy, resolvedBy, 2, 1);
    }

    @Test
    void anOpenIncidentIsRedWithAllThreeButtons() {
        SlackMessage message = IncidentCards.card(card("OPEN", null, null));
        JsonNode blocks = SlackSamples.blocksJson(message);

        assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("plain_text");
        assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo(":red_circle: OUTAGE — frontdesk");

        List<String> fields = texts(block(blocks, "section").path("fields"));
        assertThat(fields).contains("*Kind*\nOUTAGE", "*Agent*\nfrontdesk", "*Severity*\nSEV1", "*Status*\nOpen",
                "*Escalation*\nlevel 2 · round 1");
        assertThat(fields).anySatisfy(field -> assertThat(field)
                .startsWith("*Since*\n2026-11-25 03:12 EST\n")
                .contains("<!date^" + SINCE.getEpochSecond() + "^{date_short_pretty} at {time}|2026-11-25 08:12 UTC>"));

        JsonNode buttons = block(blocks, "actions").path("elements");
        assertThat(texts(buttons, "action_id"))
                .containsExactly(IncidentCards.ACKNOWLEDGE, IncidentCards.RESOLVE, IncidentCards.ESCALATE);
        assertThat(texts(buttons, "value")).containsOnly("frontdesk-3");
        assertThat(buttons.get(0).path("style").asText()).isEqualTo("primary");
        assertThat(buttons.get(0).path("text").path("text").asText()).isEqualTo("Acknowledge");
        assertThat(buttons.get(1).has("style")).isFalse();
        assertThat(buttons.get(2).path("style").asText()).isEqualTo("danger");
        JsonNode confirm = buttons.get(2).path("confirm");
        assertThat(confirm.path("title").path("text").asText()).isEqualTo("Escalate now?");
        assertThat(confirm.path("text").path("text").asText()).contains("frontdesk-3");
        assertThat(confirm.path("confirm").path("text").asText()).isEqualTo("Escalate");
        assertThat(confirm.path("deny").path("text").asText()).isEqualTo("Cancel");

        assertThat(message.text())
                .isEqualTo("OUTAGE on frontdesk since 03:12 EST: inbound call DROPPED ×5 (incident frontdesk-3)");
    }

    @Test
    void anAcknowledgedIncidentIsYellowAndCanNoLongerBeAcknowledged() {
        SlackMessage message = IncidentCards.card(card("ACKNOWLEDGED", "alice", null));
        JsonNode blocks = SlackSamples.blocksJson(message);

        assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo(":large_yellow_circle: OUTAGE — frontdesk");
        assertThat(texts(block(blocks, "section").path("fields"))).contains("*Status*\nAcknowledged by alice");
        assertThat(texts(block(blocks, "actions").path("elements"), "action_id"))
                .containsExactly(IncidentCards.RESOLVE, IncidentCards.ESCALATE);
        assertThat(message.text()).isEqualTo(
                "Acknowledged by alice — OUTAGE on frontdesk since 03:12 EST: inbound call DROPPED ×5 (incident frontdesk-3)");
    }

    @Test
    void aResolvedIncidentIsGreenWithoutButtons() {
        SlackMessage message = IncidentCards.card(card("RESOLVED", "alice", "bob"));
        JsonNode blocks = SlackSamples.blocksJson(message);

        assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo(":white_check_mark: OUTAGE — frontdesk");
        assertThat(texts(block(blocks, "section").path("fields"))).contains("*Status*\nResolved by bob");
        assertThat(types(blocks)).doesNotContain("actions");
        assertThat(message.text()).startsWith("Resolved by bob — OUTAGE on frontdesk since 03:12 EST");
    }

    @Test
    void showsTheReasonEvidenceAndLinks() {
        JsonNode blocks = SlackSamples.blocksJson(IncidentCards.card(card("OPEN", null, null)));

        String why = blocks.get(2).path("text").path("text").asText();
        assertThat(why).isEqualTo("""
                *Why:* inbound call DROPPED ×5
                • 08:12:04Z call CA01 DROPPED after 0 s
                • 08:12:31Z call CA02 DROPPED after 0 s
                • 08:12:40Z health check DOWN: 503 from https://agent.example/health""");
        assertThat(texts(block(blocks, "context").path("elements"))).containsExactly(
                ":book: <https://dialtone.example/runbooks/outage|Runbook>",
                ":link: <https://dialtone.example/incidents/frontdesk-3|Incident frontdesk-3>");
    }

    @Test
    void showsTenEvidenceLinesAndCountsTheRest() {
        List<String> evidence = IntStream.rangeClosed(1, 14).mapToObj(i -> "call CA" + i + " DROPPED").toList();
        IncidentCard card = withEvidence(card("OPEN", null, null), evidence);

        String why = SlackSamples.blocksJson(IncidentCards.card(card)).get(2).path("text").path("text").asText();

        assertThat(why.lines().filter(line -> line.startsWith("• "))).hasSize(10);
        assertThat(why).contains("• call CA10 DROPPED").doesNotContain("CA11");
        assertThat(why).endsWith("\n_and 4 more_");
    }

    @Test
    void everyTextFitsBlockKitsLimits() {
        String huge = "x".repeat(5_000);
        List<String> evidence = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            evidence.add(i + " " + "evidence ".repeat(200));
        }
        IncidentCard card = new IncidentCard("frontdesk-3", "agent-" + "a".repeat(300), "OUTAGE", huge, "OPEN",
                huge, evidence, SINCE, NEW_YORK, null, null, null, null, 1, 1);

        SlackMessage message = IncidentCards.card(card);
        JsonNode blocks = SlackSamples.blocksJson(message);

        String header = blocks.get(0).path("text").path("text").asText();
        assertThat(header).hasSizeLessThanOrEqualTo(150).endsWith("…");
        for (String field : texts(block(blocks, "section").path("fields"))) {
            assertThat(field.length()).isLessThanOrEqualTo(2_000);
        }
        String why = blocks.get(2).path("text").path("text").asText();
        assertThat(why.length()).isLessThanOrEqualTo(3_000);
        int shown = (int) why.lines().filter(line -> line.startsWith("• ")).count();
        assertThat(why).endsWith("_and " + (14 - shown) + " more_");
        for (JsonNode button : block(blocks, "actions").path("elements")) {
            assertThat(button.path("text").path("text").asText().length()).isLessThanOrEqualTo(75);
        }
        assertThat(types(blocks)).doesNotContain("context");
        assertThat(message.text()).endsWith("… (incident frontdesk-3)").hasSizeLessThan(600);
    }

    @Test
    void escapesSlacksControlCharactersEverywhereTextIsMrkdwn() {
        IncidentCard card = withEvidence(new IncidentCard("frontdesk-3", "frontdesk", "OUTAGE", "SEV1", "OPEN",
                        "<!channel> R&D line down", List.of("a < b > c"), SINCE, NEW_YORK, null, null, null, null, 1, 1),
                List.of("a < b > c"));

        SlackMessage message = IncidentCards.card(card);
        String why = SlackSamples.blocksJson(message).get(2).path("text").path("text").asText();

        assertThat(why).contains("&lt;!channel&gt; R&amp;D line down", "• a &lt; b &gt; c").doesNotContain("<!channel>");
        assertThat(message.text()).contains("&lt;!channel&gt; R&amp;D line down");
    }

    @Test
    void showsTheLocalTimeOfTheAgentsZone() {
        IncidentCard summer = new IncidentCard("frontdesk-9", "frontdesk", "DEGRADED", "SEV2", "OPEN", null, null,
                Instant.parse("2026-07-04T16:05:00Z"), ZoneId.of("America/Los_Angeles"), null, null, null, null, 0, 1);

        SlackMessage message = IncidentCards.card(summer);

        assertThat(message.text()).isEqualTo("DEGRADED on frontdesk since 09:05 PDT (incident frontdesk-9)");
        assertThat(texts(block(SlackSamples.blocksJson(message), "section").path("fields")))
                .contains("*Escalation*\nnot started")
                .anySatisfy(field -> assertThat(field).startsWith("*Since*\n2026-07-04 09:05 PDT"));
    }

    @Test
    void aTimelineStepIsOneLineInTheAgentsTime() {
        SlackMessage step = IncidentCards.step("frontdesk-3", Instant.parse("2026-11-25T08:14:00Z"), NEW_YORK,
                "ESCALATED", "level 2 of round 1: slack C0INC");

        JsonNode blocks = SlackSamples.blocksJson(step);
        assertThat(blocks).hasSize(1);
        assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("mrkdwn");
        assertThat(blocks.get(0).path("text").path("text").asText())
                .isEqualTo("*03:14 EST* · escalated — level 2 of round 1: slack C0INC");
        assertThat(step.text()).isEqualTo("[frontdesk-3] 03:14 EST escalated — level 2 of round 1: slack C0INC");
    }

    @Test
    void aTimelineStepEscapesItsDetail() {
        SlackMessage step = IncidentCards.step("frontdesk-3", Instant.parse("2026-11-25T08:20:00Z"), NEW_YORK,
                "notification_failed", "webhook <https://x.example> answered 500 & gave up");

        assertThat(SlackSamples.blocksJson(step).get(0).path("text").path("text").asText()).isEqualTo(
                "*03:20 EST* · notification failed — webhook &lt;https://x.example&gt; answered 500 &amp; gave up");
    }

    private static IncidentCard withEvidence(IncidentCard card, List<String> evidence) {
        return new IncidentCard(card.incidentId(), card.agentId(), card.kind(), card.severity(), card.status(),
                card.reason(), evidence, card.since(), card.zone(), card.runbookUrl(), card.incidentUrl(),
                card.acknowledgedBy(), card.resolvedBy(), card.level(), card.round());
    }

    private static JsonNode block(JsonNode blocks, String type) {
        for (JsonNode block : blocks) {
            if (type.equals(block.path("type").asText()) && (!"section".equals(type) || block.has("fields"))) {
                return block;
            }
        }
        throw new AssertionError("no " + type + " block in " + blocks);
    }

    private static List<String> types(JsonNode blocks) {
        return texts(blocks, "type");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.path("text").asText()));
        return texts;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.path(field).asText()));
        return texts;
    }
}
