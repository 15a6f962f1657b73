package dev.dialtone.integrations.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders incidents for Slack: the card at the top of the incident channel, posted once and updated in place on
 * every change, and one-line timeline steps posted beneath it. Lengths follow Block Kit's reference limits (header
 * 150, section text 3000, field 2000, button text 75; confirmation title 100, text 300, buttons 30).
 */
public final class IncidentCards {

    public static final String ACKNOWLEDGE = "dialtone_acknowledge";
    public static final String RESOLVE = "dialtone_resolve";
    public static final String ESCALATE = "dialtone_escalate";

    private static final int HEADER_LIMIT = 150;
    private static final int SECTION_LIMIT = 3000;
    private static final int FIELD_LIMIT = 2000;
    private static final int BUTTON_LIMIT = 75;
    private static final int EVIDENCE_SHOWN = 10;
    private static final int REASON_LIMIT = 1000;
    private static final int EVIDENCE_LINE_LIMIT = 280;
    private static final int FALLBACK_REASON_LIMIT = 140;

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter UTC_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneId.of("UTC"));

    private IncidentCards() {
    }

    public static SlackMessage card(IncidentCard card) {
        State state = State.of(card.status());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(HeaderBlock.builder()
                .text(plain(state.emoji + " " + card.kind() + " — " + card.agentId(), HEADER_LIMIT))
                .build());
        blocks.add(SectionBlock.builder().fields(fields(card, state)).build());
        String why = why(card);
        if (!why.isEmpty()) {
            blocks.add(SectionBlock.builder().text(markdown(why)).build());
        }
        List<ContextBlockElement> links = links(card);
        if (!links.isEmpty()) {
            blocks.add(ContextBlock.builder().elements(links).build());
        }
        List<BlockElement> buttons = buttons(card.incidentId(), state);
        if (!buttons.isEmpty()) {
            blocks.add(ActionsBlock.builder().elements(buttons).build());
        }
        return new SlackMessage(fallback(card, state), blocks);
    }

    /** One timeline line, e.g. {@code *03:14 EST* · escalated — level 2 of round 1: slack C0INC}. */
    public static SlackMessage step(String incidentId, Instant at, ZoneId zone, String type, String detail) {
        String time = TIME.format(at.atZone(zone));
        String what = type == null ? "" : type.toLowerCase(Locale.ROOT).replace('_', ' ');
        String rest = detail == null || detail.isBlank() ? "" : " — " + detail.strip();
        String prefix = "*" + Mrkdwn.escape(time) + "* · " + Mrkdwn.escape(what);
        String line = prefix + Mrkdwn.escapeAndFit(rest, SECTION_LIMIT - prefix.length());
        String text = Mrkdwn.escapeAndFit("[" + incidentId + "] " + time + " " + what + rest, SECTION_LIMIT);
        return new SlackMessage(text, List.of(SectionBlock.builder().text(markdown(line)).build()));
    }

    private static List<TextObject> fields(IncidentCard card, State state) {
        List<TextObject> fields = new ArrayList<>();
        fields.add(field("Kind", card.kind()));
        fields.add(field("Agent", card.agentId()));
        fields.add(field("Severity", card.severity() == null || card.severity().isBlank() ? "—" : card.severity()));
        fields.add(field("Status", state.describe(card)));
        String local = DATE_TIME.format(card.since().atZone(card.zone()));
        long epoch = card.since().getEpochSecond();
        fields.add(markdown("*Since*\n" + Mrkdwn.escape(local) + "\n<!date^" + epoch
                + "^{date_short_pretty} at {time}|" + UTC_DATE_TIME.format(card.since()) + "> your time"));
        fields.add(field("Escalation", card.level() > 0
                ? "level " + card.level() + " · round " + Math.max(1, card.round())
                : "not started"));
        return fields;
    }

    private static TextObject field(String label, String value) {
        String prefix = "*" + label + "*\n";
        return markdown(prefix + Mrkdwn.escapeAndFit(value, FIELD_LIMIT - prefix.length()));
    }

    /** The reason and up to ten evidence bullets, then how many more there were, within one section's limit. */
    private static String why(IncidentCard card) {
        StringBuilder text = new StringBuilder();
        if (card.reason() != null && !card.reason().isBlank()) {
            text.append("*Why:* ").append(Mrkdwn.escapeAndFit(card.reason().strip(), REASON_LIMIT));
        }
        List<String> evidence = card.evidence();
        int reserve = "\n_and 9999 more_".length();
        int shown = 0;
        for (String item : evidence) {
            String bullet = "• " + Mrkdwn.escapeAndFit(item.strip(), EVIDENCE_LINE_LIMIT);
            String line = text.isEmpty() ? bullet : "\n" + bullet;
            if (shown == EVIDENCE_SHOWN || text.length() + line.length() > SECTION_LIMIT - reserve) {
                break;
            }
            text.append(line);
            shown++;
        }
        if (shown < evidence.size()) {
            text.append(text.isEmpty() ? "" : "\n").append("_and ").append(evidence.size() - shown).append(" more_");
        }
        return text.toString();
    }

    private static List<ContextBlockElement> links(IncidentCard card) {
        List<ContextBlockElement> links = new ArrayList<>();
        if (card.runbookUrl() != null && !card.runbookUrl().isBlank()) {
            links.add(markdown(":book: " + link(card.runbookUrl(), "Runbook")));
        }
        if (card.incidentUrl() != null && !card.incidentUrl().isBlank()) {
            links.add(markdown(":link: " + link(card.incidentUrl(), "Incident " + card.incidentId())));
        }
        return links;
    }

    /** A mrkdwn link; the characters that would end Slack's {@code <url|label>} syntax early are escaped. */
    private static String link(String url, String label) {
        String safeUrl = url.strip().replace("|", "%7C").replace("<", "%3C").replace(">", "%3E");
        return "<" + safeUrl + "|" + Mrkdwn.escapeAndFit(label, 500) + ">";
    }

    private static List<BlockElement> buttons(String incidentId, State state) {
        List<BlockElement> buttons = new ArrayList<>();
        if (state == State.RESOLVED) {
            return buttons;
        }
        if (state != State.ACKNOWLEDGED) {
            buttons.add(ButtonElement.builder()
                    .actionId(ACKNOWLEDGE).text(plain("Acknowledge", BUTTON_LIMIT)).value(incidentId).style("primary")
                    .build());
        }
        buttons.add(ButtonElement.builder()
                .actionId(RESOLVE).text(plain("Resolve", BUTTON_LIMIT)).value(incidentId)
                .build());
        buttons.add(ButtonElement.builder()
                .actionId(ESCALATE).text(plain("Escalate", BUTTON_LIMIT)).value(incidentId).style("danger")
                .confirm(ConfirmationDialogObject.builder()
                        .title(plain("Escalate now?", 100))
                        .text(plain(Mrkdwn.fit("Page the next escalation level for " + incidentId
                                + " now, without waiting for the acknowledgement timeout.", 300), 300))
                        .confirm(plain("Escalate", 30))
                        .deny(plain("Cancel", 30))
                        .style("danger")
                        .build())
                .build());
        return buttons;
    }

    /**
     * What a phone shows on the lock screen: state, kind, agent, local start time and reason, with the incident id
     * last so it survives a long reason.
     */
    private static String fallback(IncidentCard card, State state) {
        StringBuilder text = new StringBuilder();
        if (state != State.OPEN) {
            text.append(state.describe(card)).append(" — ");
        }
        text.append(card.kind()).append(" on ").append(card.agentId())
                .append(" since ").append(TIME.format(card.since().atZone(card.zone())));
        String body = Mrkdwn.escape(text.toString());
        if (card.reason() != null && !card.reason().isBlank()) {
            body += ": " + Mrkdwn.escapeAndFit(card.reason().strip(), FALLBACK_REASON_LIMIT);
        }
        return body + " (incident " + Mrkdwn.escape(card.incidentId()) + ")";
    }

    private static PlainTextObject plain(String text, int limit) {
        return PlainTextObject.builder().text(Mrkdwn.fit(text, limit)).emoji(true).build();
    }

    private static MarkdownTextObject markdown(String text) {
        return MarkdownTextObject.builder().text(text).build();
    }

    private enum State {
        OPEN(":red_circle:"),
        ACKNOWLEDGED(":large_yellow_circle:"),
        RESOLVED(":white_check_mark:");

        private final String emoji;

        State(String emoji) {
            this.emoji = emoji;
        }

        static State of(String status) {
            String normalized = status.strip().toUpperCase(Locale.ROOT);
            return switch (normalized) {
                case "ACKNOWLEDGED", "ACKED" -> ACKNOWLEDGED;
                case "RESOLVED", "CLOSED" -> RESOLVED;
                default -> OPEN;
            };
        }

        String describe(IncidentCard card) {
            return switch (this) {
                case OPEN -> "Open";
                case ACKNOWLEDGED -> by("Acknowledged", card.acknowledgedBy());
                case RESOLVED -> by("Resolved", card.resolvedBy());
            };
        }

        private static String by(String verb, String who) {
            return who == null || who.isBlank() ? verb : verb + " by " + who.strip();
        }
    }
}
