package dev.dialtone.domain.incident.api;

/** Opened, then acknowledged by a person, then resolved (a reopen starts over at OPEN). */
public enum IncidentStatus {
    OPEN, ACKNOWLEDGED, RESOLVED
}
