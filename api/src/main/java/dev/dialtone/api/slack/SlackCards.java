package dev.dialtone.api.slack;

import dev.dialtone.api.config.DialtoneProperties;
import dev.dialtone.api.registry.ConfigurationRegistry;
import dev.dialtone.api.runbook.RunbookLinks;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.incident.IncidentSnapshot;
import dev.dialtone.domain.incident.IncidentTimeline;
import dev.dialtone.domain.incident.api.Evidence;
import dev.dialtone.domain.incident.api.IntegrationProblemRecordedEvent;
import dev.dialtone.domain.incident.api.TimelineEntry;
import dev.dialtone.integrations.slack.IncidentCard;
import dev.dialtone.integrations.slack.IncidentCards;
import dev.dialtone.integrations.slack.SlackMessage;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** An incident as Slack shows it: the card, in the agent's time zone, and the steps of its timeline. */
@Component
public class SlackCards {

    /** Slack's own failures are on the timeline, but posting them into Slack would only fail again. */
    static final String SLACK = "slack";

    private final ConfigurationRegistry registry;
    private final RunbookLinks runbooks;
    private final String baseUrl;

    public SlackCards(ConfigurationRegistry registry, RunbookLinks runbooks, DialtoneProperties properties) {
        this.registry = registry;
        this.runbooks = runbooks;
        this.baseUrl = properties.publicBaseUrl().toString().replaceAll("/+$", "");
    }

    public ZoneId zone(String agentId) {
        return registry.findAgent(new AgentId(agentId)).map(agent -> agent.configuration().timezone())
                .orElse(ZoneOffset.UTC);
    }

    public SlackMessage card(IncidentSnapshot incident) {
        return IncidentCards.card(new IncidentCard(incident.incidentId(), incident.agentId(), incident.kind().name(),
                incident.severity().name().toLowerCase(java.util.Locale.ROOT), incident.status().name(),
                incident.reason(), incident.evidence().stream().map(Evidence::summary).toList(),
                incident.startedAt(), zone(incident.agentId()),
                runbooks.url(incident.agentId(), incident.incidentId(), incident.runbookId()),
                baseUrl + "/api/v1/incidents/" + incident.incidentId(), incident.acknowledgedBy(),
                incident.resolvedBy(), incident.level(), incident.round()));
    }

    public SlackMessage step(String incidentId, ZoneId zone, TimelineEntry entry) {
        return IncidentCards.step(incidentId, entry.at(), zone, entry.type(), entry.detail());
    }

    /** The timeline steps that go into the incident's channel, oldest first. */
    static List<TimelineEntry> steps(List<Object> events) {
        return events.stream()
                .filter(event -> !(event instanceof IntegrationProblemRecordedEvent problem
                        && SLACK.equals(problem.integration())))
                .map(IncidentTimeline::entry)
                .flatMap(Optional::stream)
                .toList();
    }
}
