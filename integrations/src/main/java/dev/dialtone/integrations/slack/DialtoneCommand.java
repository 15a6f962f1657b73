package dev.dialtone.integrations.slack;

import java.time.YearMonth;
import java.util.Objects;

/**
 * What a responder asked for with {@code /dialtone}: the text after the command, parsed into one of a few
 * commands. Input that does not parse becomes {@link Help} with the problem, so the user gets an explanation
 * rather than an error.
 */
public sealed interface DialtoneCommand {

    /** Open incidents, for one agent or (agentId null) for all. */
    record Status(String agentId) implements DialtoneCommand {
    }

    record Acknowledge(String incidentId) implements DialtoneCommand {
        public Acknowledge {
            Objects.requireNonNull(incidentId, "acknowledging needs an incident id");
        }
    }

    /** @param note why or how it was resolved, or null */
    record Resolve(String incidentId, String note) implements DialtoneCommand {
        public Resolve {
            Objects.requireNonNull(incidentId, "resolving needs an incident id");
        }
    }

    record Escalate(String incidentId) implements DialtoneCommand {
        public Escalate {
            Objects.requireNonNull(incidentId, "escalating needs an incident id");
        }
    }

    /** @param month the calendar month in the agent's timezone, or null for the current one */
    record Sla(String agentId, YearMonth month) implements DialtoneCommand {
        public Sla {
            Objects.requireNonNull(agentId, "an SLA report needs an agent id");
        }
    }

    /** @param problem what was wrong with the input, or null when help was asked for */
    record Help(String problem) implements DialtoneCommand {
    }

    /** The text after {@code /dialtone}, e.g. {@code resolve frontdesk-3 carrier fixed the trunk}. */
    static DialtoneCommand parse(String text) {
        return DialtoneCommandParser.parse(text);
    }

    /** The help text, in mrkdwn. */
    static String usage() {
        return String.join("\n",
                "*/dialtone* commands:",
                "• `/dialtone status [agent]` — open incidents, for one agent or for all",
                "• `/dialtone ack <incident>` — acknowledge an incident and stop its escalation",
                "• `/dialtone resolve <incident> [note]` — resolve an incident, with an optional note",
                "• `/dialtone escalate <incident>` — page the next escalation level now",
                "• `/dialtone sla <agent> [YYYY-MM]` — uptime against the SLA for a month (this month by default)",
                "• `/dialtone help` — this list");
    }
}
