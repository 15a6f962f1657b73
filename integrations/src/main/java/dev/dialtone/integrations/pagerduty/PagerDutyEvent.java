package dev.dialtone.integrations.pagerduty;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Events API v2 alert event. Dialtone always chooses the dedup key (rather than letting PagerDuty generate one)
 * so that acknowledge and resolve events, and webhooks coming back, can be matched to the Dialtone incident without
 * storing anything PagerDuty returned. Payload fields are used for {@link Action#TRIGGER} only; PagerDuty ignores
 * them on acknowledge and resolve, and so does the client.
 */
public record PagerDutyEvent(Action action, String routingKey, String dedupKey, String summary, String source,
                             PagerDutySeverity severity, Instant timestamp, String component, String group,
                             String eventClass, Map<String, Object> customDetails, List<PagerDutyLink> links) {

    /** PagerDuty's limit for {@code payload.summary}; longer summaries are cut and end with an ellipsis. */
    public static final int MAX_SUMMARY_LENGTH = 1024;
    /** PagerDuty's limit for {@code dedup_key}; a longer key would be refused with a 400. */
    public static final int MAX_DEDUP_KEY_LENGTH = 255;

    public enum Action {
        TRIGGER,
        ACKNOWLEDGE,
        RESOLVE
    }

    public PagerDutyEvent {
        if (action == null) {
            throw new IllegalArgumentException("a PagerDuty event needs an action");
        }
        requireText(routingKey, "routingKey");
        requireText(dedupKey, "dedupKey");
        if (dedupKey.length() > MAX_DEDUP_KEY_LENGTH) {
            throw new IllegalArgumentException("dedupKey is " + dedupKey.length()
                    + " characters; PagerDuty accepts at most " + MAX_DEDUP_KEY_LENGTH);
        }
        if (action == Action.TRIGGER) {
            requireText(summary, "summary");
            requireText(source, "source");
            if (severity == null) {
                throw new IllegalArgumentException("a PagerDuty trigger needs a severity");
            }
        }
        summary = truncated(summary);
        customDetails = customDetails == null || customDetails.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(customDetails));
        links = links == null ? List.of() : List.copyOf(links);
    }

    public static PagerDutyEvent trigger(String routingKey, String dedupKey, String summary, String source,
                                         PagerDutySeverity severity) {
        return new PagerDutyEvent(Action.TRIGGER, routingKey, dedupKey, summary, source, severity,
                null, null, null, null, null, null);
    }

    public static PagerDutyEvent acknowledge(String routingKey, String dedupKey) {
        return new PagerDutyEvent(Action.ACKNOWLEDGE, routingKey, dedupKey, null, null, null,
                null, null, null, null, null, null);
    }

    public static PagerDutyEvent resolve(String routingKey, String dedupKey) {
        return new PagerDutyEvent(Action.RESOLVE, routingKey, dedupKey, null, null, null,
                null, null, null, null, null, null);
    }

    /** When Dialtone detected the problem; without it PagerDuty uses the time it received the event. */
    public PagerDutyEvent withTimestamp(Instant at) {
        return new PagerDutyEvent(action, routingKey, dedupKey, summary, source, severity, at, component, group,
                eventClass, customDetails, links);
    }

    /** PD-CEF's {@code component}, {@code group} and {@code class}, which PagerDuty can filter and group on. */
    public PagerDutyEvent withClassification(String newComponent, String newGroup, String newEventClass) {
        return new PagerDutyEvent(action, routingKey, dedupKey, summary, source, severity, timestamp, newComponent,
                newGroup, newEventClass, customDetails, links);
    }

    /**
     * Free-form details shown on the alert. Values are written as JSON the way Jackson writes them; {@code java.time}
     * values are written as their ISO-8601 text.
     */
    public PagerDutyEvent withCustomDetails(Map<String, ?> details) {
        return new PagerDutyEvent(action, routingKey, dedupKey, summary, source, severity, timestamp, component,
                group, eventClass, details == null ? null : new LinkedHashMap<String, Object>(details), links);
    }

    public PagerDutyEvent withLinks(List<PagerDutyLink> newLinks) {
        return new PagerDutyEvent(action, routingKey, dedupKey, summary, source, severity, timestamp, component,
                group, eventClass, customDetails, newLinks);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a PagerDuty event needs a non-blank " + name);
        }
    }

    private static String truncated(String summary) {
        if (summary == null || summary.length() <= MAX_SUMMARY_LENGTH) {
            return summary;
        }
        int end = MAX_SUMMARY_LENGTH - 1;
        if (Character.isHighSurrogate(summary.charAt(end - 1))) {
            end--;
        }
        return summary.substring(0, end) + "…";
    }
}
