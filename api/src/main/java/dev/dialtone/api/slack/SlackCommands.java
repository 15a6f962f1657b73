package dev.dialtone.api.slack;

import dev.dialtone.api.incident.IncidentActions;
import dev.dialtone.api.registry.ConfigurationRegistry;
import dev.dialtone.api.registry.RegisteredAgent;
import dev.dialtone.api.sla.ReportPeriod;
import dev.dialtone.api.sla.SlaService;
import dev.dialtone.domain.Slugs;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.incident.api.FindIncidentsQuery;
import dev.dialtone.domain.incident.api.IncidentId;
import dev.dialtone.domain.incident.api.IncidentPage;
import dev.dialtone.domain.incident.api.IncidentStatus;
import dev.dialtone.domain.incident.api.IncidentView;
import dev.dialtone.domain.sla.SlaReport;
import dev.dialtone.domain.tenancy.TenantId;
import dev.dialtone.integrations.slack.DialtoneCommand;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Carries out {@code /dialtone} commands and card buttons for the workspace's tenant and answers in words fit for a
 * channel. Blocking: run it off the event loop (the HTTP answer has gone already; the result goes to
 * {@code response_url}).
 */
@Component
public class SlackCommands {

    static final int MAX_AGENTS_LISTED = 30;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm zzz", Locale.ROOT);

    private final IncidentActions actions;
    private final ConfigurationRegistry registry;
    private final QueryGateway queries;
    private final SlaService sla;
    private final Clock clock = Clock.systemUTC();

    public SlackCommands(IncidentActions actions, ConfigurationRegistry registry, QueryGateway queries,
                         SlaService sla) {
        this.actions = actions;
        this.registry = registry;
        this.queries = queries;
        this.sla = sla;
    }

    /** What to answer, and whether the whole channel should see it (actions) or only the asker (lookups). */
    record Answer(String text, boolean inChannel) {
    }

    Answer run(TenantId tenant, DialtoneCommand command, String actor) {
        if (command instanceof DialtoneCommand.Acknowledge ack) {
            return act(ack.incidentId(), id -> actions.acknowledge(id, tenant, actor), "acknowledged", actor);
        }
        if (command instanceof DialtoneCommand.Resolve resolve) {
            return act(resolve.incidentId(), id -> actions.resolve(id, tenant, actor, resolve.note()), "resolved",
                    actor);
        }
        if (command instanceof DialtoneCommand.Escalate escalate) {
            return act(escalate.incidentId(), id -> actions.escalate(id, tenant, actor),
                    "escalated to the next level", actor);
        }
        if (command instanceof DialtoneCommand.Status status) {
            return new Answer(status(tenant, status.agentId()), false);
        }
        if (command instanceof DialtoneCommand.Sla report) {
            return new Answer(sla(tenant, report.agentId(), report.month()), false);
        }
        DialtoneCommand.Help help = (DialtoneCommand.Help) command;
        return new Answer((help.problem() == null ? "" : help.problem() + "\n") + DialtoneCommand.usage(), false);
    }

    /** A card button: {@code dialtone_acknowledge}, {@code dialtone_resolve} or {@code dialtone_escalate}. */
    Answer button(TenantId tenant, String actionId, String incidentId, String actor) {
        DialtoneCommand command = switch (actionId == null ? "" : actionId) {
            case "dialtone_acknowledge" -> new DialtoneCommand.Acknowledge(incidentId);
            case "dialtone_resolve" -> new DialtoneCommand.Resolve(incidentId, "resolved from Slack");
            case "dialtone_escalate" -> new DialtoneCommand.Escalate(incidentId);
            default -> new DialtoneCommand.Help("That button is not one of Dialtone's.");
        };
        return run(tenant, command, actor);
    }

    private static Answer act(String incidentId, Function<IncidentId, IncidentActions.Outcome> action, String what,
                              String actor) {
        IncidentActions.Outcome outcome = IncidentId.parse(incidentId).map(action)
                .orElse(new IncidentActions.Outcome(IncidentActions.Result.NOT_FOUND, null));
        return switch (outcome.result()) {
            case DONE -> new Answer(":white_check_mark: Incident *" + incidentId + "* " + what + " by " + actor
                    + ".", true);
            case UNCHANGED -> new Answer(":information_source: Nothing changed: " + outcome.detail() + ".", false);
            case NOT_FOUND -> new Answer(":grey_question: There is no incident *" + incidentId + "* here.", false);
        };
    }

    private String status(TenantId tenant, String agentId) {
        List<RegisteredAgent> agents;
        if (agentId != null) {
            Optional<RegisteredAgent> agent = agent(tenant, agentId);
            if (agent.isEmpty()) {
                return ":grey_question: There is no agent *" + agentId + "* here.";
            }
            agents = List.of(agent.get());
        } else {
            agents = registry.agentsOf(tenant);
        }
        if (agents.isEmpty()) {
            return "No agents are set up yet.";
        }
        List<String> troubled = new ArrayList<>();
        int healthy = 0;
        for (RegisteredAgent agent : agents) {
            List<IncidentView> open = openIncidents(tenant, agent.agentId().value());
            if (open.isEmpty()) {
                healthy++;
                if (agentId != null) {
                    troubled.add(":large_green_circle: *" + agent.agentId() + "* (" + agent.configuration().name()
                            + "): no open incident");
                }
                continue;
            }
            ZoneId zone = agent.configuration().timezone();
            for (IncidentView incident : open) {
                troubled.add((incident.status() == IncidentStatus.ACKNOWLEDGED ? ":large_yellow_circle: "
                        : ":red_circle: ") + "*" + agent.agentId() + "* " + incident.kind() + " `" + incident.id()
                        + "` since " + TIME.format(incident.startedAt().atZone(zone))
                        + (incident.acknowledgedBy() == null ? ", not acknowledged"
                        : ", acknowledged by " + incident.acknowledgedBy()));
            }
        }
        StringBuilder text = new StringBuilder();
        troubled.stream().limit(MAX_AGENTS_LISTED).forEach(line -> text.append(line).append('\n'));
        if (troubled.size() > MAX_AGENTS_LISTED) {
            text.append("... and ").append(troubled.size() - MAX_AGENTS_LISTED).append(" more\n");
        }
        if (agentId == null) {
            text.append(healthy).append(healthy == 1 ? " agent" : " agents").append(" with no open incident.");
        }
        return text.toString().trim();
    }

    private Optional<RegisteredAgent> agent(TenantId tenant, String agentId) {
        return Slugs.isSlug(agentId) ? registry.findAgent(tenant, new AgentId(agentId)) : Optional.empty();
    }

    private List<IncidentView> openIncidents(TenantId tenant, String agentId) {
        List<IncidentView> open = new ArrayList<>();
        for (IncidentStatus status : List.of(IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED)) {
            IncidentPage page = queries.query(new FindIncidentsQuery(tenant, agentId, status, null, null,
                    MAX_AGENTS_LISTED, null), IncidentPage.class).join();
            open.addAll(page.items());
        }
        return open;
    }

    private String sla(TenantId tenant, String agentId, YearMonth month) {
        Optional<RegisteredAgent> agent = agent(tenant, agentId);
        if (agent.isEmpty()) {
            return ":grey_question: There is no agent *" + agentId + "* here.";
        }
        YearMonth reported = month != null ? month
                : YearMonth.from(clock.instant().atZone(agent.get().configuration().timezone()));
        List<SlaReport> reports = sla.reports(tenant, List.of(agent.get()),
                ReportPeriod.parse(reported.toString(), null, null, null, clock.instant())).block();
        if (reports == null || reports.isEmpty()) {
            return "No report for *" + agentId + "* in " + reported + ".";
        }
        SlaReport report = reports.get(0);
        return String.format(Locale.ROOT, "*%s* %s: uptime %.3f%% against an SLO of %.3f%% (%s); down %s of %s "
                        + "allowed, error budget left %.0f%%; %d %s, MTTA %s, MTTR %s; %d calls, success %s; "
                        + "missed leads %d (about %.0f lost)",
                agentId, reported, report.uptimePercent(), report.sloTarget(), report.slaMet() ? "met" : "missed",
                duration(report.downtimeSeconds()), duration(report.allowedDowntimeSeconds()),
                report.errorBudgetRemaining() * 100, report.incidents(),
                report.incidents() == 1 ? "incident" : "incidents", duration(report.mttaSeconds()),
                duration(report.mttrSeconds()), report.calls().total(),
                report.callSuccessRate() == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%",
                        report.callSuccessRate()), report.missedLeads(), report.estimatedLostRevenue());
    }

    private static String duration(Double seconds) {
        if (seconds == null) {
            return "n/a";
        }
        Duration d = Duration.ofMillis(Math.round(seconds * 1000));
        if (d.toHours() > 0) {
            return d.toHours() + "h " + d.toMinutesPart() + "m";
        }
        return d.toMinutes() > 0 ? d.toMinutes() + "m " + d.toSecondsPart() + "s" : d.toSeconds() + "s";
    }
}
