package dev.dialtone.domain.incident.api;

/** No such incident for this caller: another tenant's incident is reported exactly like a missing one. */
public class IncidentNotFoundException extends IllegalArgumentException {

    public IncidentNotFoundException(IncidentId incidentId) {
        super("no incident '" + incidentId + "'");
    }
}
