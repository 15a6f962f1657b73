package dev.dialtone.api.pagerduty;

import dev.dialtone.domain.incident.IncidentSnapshot;
import dev.dialtone.domain.incident.api.Evidence;
import dev.dialtone.domain.incident.api.IncidentId;
import dev.dialtone.domain.incident.api.NotificationType;
import dev.dialtone.domain.incident.api.Severity;
import dev.dialtone.integrations.pagerduty.PagerDutyEvent;
import dev.dialtone.integrations.pagerduty.PagerDutyLink;
import dev.dialtone.integrations.pagerduty.PagerDutySeverity;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What PagerDuty is told about an incident. The summary is written for a responder woken at 3 a.m.: which agent,
 * what is wrong, since when in the agent's own time, and the first piece of evidence. One dedup key per incident
 * ({@code dialtone/<incidentId>}) makes every trigger for it the same alert, and lets acknowledge and resolve find it.
 */
public final class PagerDutyPages {

    public static final String DEDUP_PREFIX = "dialtone/";
    static final int MAX_EVIDENCE = 10;
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ROOT);

    private PagerDutyPages() {
    }

    public static String dedupKey(String incidentId) {
        return DEDUP_PREFIX + incidentId;
    }

    /** The incident a dedup key (PagerDuty's {@code incident_key}) stands for, if it is one of ours. */
    public static Optional<IncidentId> incidentOf(String dedupKey) {
        return dedupKey != null && dedupKey.startsWith(DEDUP_PREFIX)
                ? IncidentId.parse(dedupKey.substring(DEDUP_PREFIX.length())) : Optional.empty();
    }

    static PagerDutyEvent event(NotificationType type, String routingKey, IncidentSnapshot incident, ZoneId zone,
                                String agentName, String runbookUrl, String incidentUrl, Instant now) {
        String dedupKey = dedupKey(incident.incidentId());
        return switch (type) {
            case ACKNOWLEDGED -> PagerDutyEvent.acknowledge(routingKey, dedupKey);
            case RESOLVED -> PagerDutyEvent.resolve(routingKey, dedupKey);
            case PAGE -> PagerDutyEvent.trigger(routingKey, dedupKey, summary(incident, zone, agentName),
                            "dialtone agent " + incident.agentId(), severity(incident.severity()))
                    .withTimestamp(now)
                    .withClassification(incident.agentId(), incident.tenant(),
                            incident.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .withCustomDetails(details(incident, zone, incidentUrl))
                    .withLinks(links(runbookUrl, incidentUrl));
        };
    }

    static String summary(IncidentSnapshot incident, ZoneId zone, String agentName) {
        String first = incident.evidence().isEmpty() ? null : incident.evidence().get(0).summary();
        String agent = agentName == null || agentName.equals(incident.agentId()) ? incident.agentId()
                : agentName + " (" + incident.agentId() + ")";
        return incident.kind() + " on " + agent + " since "
                + SINCE.format(incident.startedAt().atZone(zone)) + ": " + incident.reason()
                + (first == null || incident.reason().contains(first) ? "" : " (first: " + first + ")");
    }

    /** OUTAGE and SILENCE page as critical, DEGRADED as error, BUDGET_BURN as warning: the incident's severity. */
    static PagerDutySeverity severity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> PagerDutySeverity.CRITICAL;
            case ERROR -> PagerDutySeverity.ERROR;
            case WARNING -> PagerDutySeverity.WARNING;
            case INFO -> PagerDutySeverity.INFO;
        };
    }

    private static Map<String, Object> details(IncidentSnapshot incident, ZoneId zone, String incidentUrl) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("incident", incident.incidentId());
        details.put("agent", incident.agentId());
        details.put("kind", incident.kind().name());
        details.put("status", incident.status().name());
        details.put("since", SINCE.format(incident.startedAt().atZone(zone)));
        details.put("started_at", incident.startedAt().toString());
        details.put("escalation", "level " + incident.level() + ", round " + incident.round());
        List<String> evidence = incident.evidence().stream().map(Evidence::summary).toList();
        details.put("evidence", evidence.size() <= MAX_EVIDENCE ? evidence : concat(
                evidence.subList(evidence.size() - MAX_EVIDENCE, evidence.size()),
                "... and " + (evidence.size() - MAX_EVIDENCE) + " earlier"));
        details.put("incident_url", incidentUrl);
        return details;
    }

    private static List<String> concat(List<String> items, String last) {
        return Stream.concat(items.stream(), Stream.of(last)).toList();
    }

    private static List<PagerDutyLink> links(String runbookUrl, String incidentUrl) {
        return List.of(new PagerDutyLink(runbookUrl, "Runbook"), new PagerDutyLink(incidentUrl, "Incident in Dialtone"));
    }
}
