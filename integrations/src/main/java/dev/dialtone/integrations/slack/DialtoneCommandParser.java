package dev.dialtone.integrations.slack;

import dev.dialtone.integrations.slack.DialtoneCommand.Acknowledge;
import dev.dialtone.integrations.slack.DialtoneCommand.Escalate;
import dev.dialtone.integrations.slack.DialtoneCommand.Help;
import dev.dialtone.integrations.slack.DialtoneCommand.Resolve;
import dev.dialtone.integrations.slack.DialtoneCommand.Sla;
import dev.dialtone.integrations.slack.DialtoneCommand.Status;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The grammar of {@code /dialtone}, kept out of {@link DialtoneCommand}'s public surface. */
final class DialtoneCommandParser {

    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("uuuu-MM", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private DialtoneCommandParser() {
    }

    static DialtoneCommand parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return new Help(null);
        }
        String[] words = trimmed.split("\\s+");
        String verb = words[0].toLowerCase(Locale.ROOT);
        List<String> args = Arrays.asList(words).subList(1, words.length);
        return switch (verb) {
            case "help" -> new Help(null);
            case "status" -> args.size() <= 1
                    ? new Status(args.isEmpty() ? null : args.get(0))
                    : new Help("`status` takes at most one agent id, e.g. `/dialtone status frontdesk`");
            case "ack", "acknowledge" -> oneIncident(verb, args, Acknowledge::new);
            case "escalate" -> oneIncident(verb, args, Escalate::new);
            case "resolve" -> args.isEmpty()
                    ? missingIncident(verb)
                    : new Resolve(args.get(0), note(trimmed, words[0], args.get(0)));
            case "sla" -> sla(args);
            default -> new Help("unknown command `" + words[0] + "`");
        };
    }

    private static DialtoneCommand oneIncident(String verb, List<String> args,
            Function<String, DialtoneCommand> command) {
        if (args.isEmpty()) {
            return missingIncident(verb);
        }
        if (args.size() > 1) {
            return new Help("`" + verb + "` takes one incident id, e.g. `/dialtone " + verb + " frontdesk-3`");
        }
        return command.apply(args.get(0));
    }

    private static DialtoneCommand missingIncident(String verb) {
        return new Help("`" + verb + "` needs an incident id, e.g. `/dialtone " + verb + " frontdesk-3`");
    }

    /** Everything after the incident id, spacing kept as typed. */
    private static String note(String trimmed, String verb, String incidentId) {
        int afterVerb = verb.length();
        int idStart = trimmed.indexOf(incidentId, afterVerb);
        String rest = trimmed.substring(idStart + incidentId.length()).strip();
        return rest.isEmpty() ? null : rest;
    }

    private static DialtoneCommand sla(List<String> args) {
        if (args.isEmpty()) {
            return new Help("`sla` needs an agent id, e.g. `/dialtone sla frontdesk 2026-11`");
        }
        if (args.size() > 2) {
            return new Help("`sla` takes an agent id and optionally a month, e.g. `/dialtone sla frontdesk 2026-11`");
        }
        if (args.size() == 1) {
            return new Sla(args.get(0), null);
        }
        try {
            return new Sla(args.get(0), YearMonth.parse(args.get(1), MONTH));
        } catch (DateTimeParseException notAMonth) {
            return new Help("`" + args.get(1) + "` is not a month: write it as YYYY-MM, e.g. 2026-11");
        }
    }
}
