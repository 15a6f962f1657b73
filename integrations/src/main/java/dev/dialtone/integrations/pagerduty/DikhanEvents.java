package dev.dialtone.integrations.pagerduty;

import com.github.dikhan.pagerduty.client.events.domain.AcknowledgeIncident;
import com.github.dikhan.pagerduty.client.events.domain.LinkContext;
import com.github.dikhan.pagerduty.client.events.domain.Payload;
import com.github.dikhan.pagerduty.client.events.domain.ResolveIncident;
import com.github.dikhan.pagerduty.client.events.domain.Severity;
import com.github.dikhan.pagerduty.client.events.domain.TriggerIncident;

import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** {@link PagerDutyEvent} in the pagerduty-client's types, which {@link EventsApiJson} then writes. */
final class DikhanEvents {

    private DikhanEvents() {
    }

    static TriggerIncident trigger(PagerDutyEvent event) {
        Payload.Builder payload = Payload.Builder.newBuilder()
                .setSummary(event.summary())
                .setSource(event.source())
                .setSeverity(severity(event.severity()))
                .setComponent(event.component())
                .setGroup(event.group())
                .setEventClass(event.eventClass());
        if (event.timestamp() != null) {
            payload.setTimestamp(event.timestamp().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
        }
        if (!event.customDetails().isEmpty()) {
            payload.setCustomDetails(EventsApiJson.customDetails(event.customDetails()));
        }
        TriggerIncident.TriggerIncidentBuilder trigger = TriggerIncident.TriggerIncidentBuilder
                .newBuilder(event.routingKey(), payload.build())
                .setDedupKey(event.dedupKey());
        if (!event.links().isEmpty()) {
            trigger.setLinks(event.links().stream().map(link -> new LinkContext(link.href(), link.text())).toList());
        }
        return trigger.build();
    }

    static AcknowledgeIncident acknowledge(PagerDutyEvent event) {
        return AcknowledgeIncident.AcknowledgeIncidentBuilder.newBuilder(event.routingKey(), event.dedupKey()).build();
    }

    static ResolveIncident resolve(PagerDutyEvent event) {
        return ResolveIncident.ResolveIncidentBuilder.newBuilder(event.routingKey(), event.dedupKey()).build();
    }

    private static Severity severity(PagerDutySeverity severity) {
        return switch (severity) {
            case CRITICAL -> Severity.CRITICAL;
            case ERROR -> Severity.ERROR;
            case WARNING -> Severity.WARNING;
            case INFO -> Severity.INFO;
        };
    }
}
