package dev.dialtone.api.incident;

import dev.dialtone.domain.incident.IncidentSnapshot;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * An incident's own events, read from the event store: the authority for what a page or a Slack message says at the
 * moment it is sent, with no read-model lag.
 */
@Component
public class IncidentHistory {

    private final EventStore events;

    public IncidentHistory(EventStore events) {
        this.events = events;
    }

    /** The incident's event payloads, oldest first; empty for an unknown incident. */
    public List<Object> events(String incidentId) {
        return events.readEvents(incidentId).asStream().<Object>map(Message::getPayload).toList();
    }

    public Optional<IncidentSnapshot> snapshot(String incidentId) {
        return IncidentSnapshot.of(events(incidentId));
    }
}
