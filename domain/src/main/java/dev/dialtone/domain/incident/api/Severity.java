package dev.dialtone.domain.incident.api;

/** How urgent an incident is; {@code INFO} is a ticket: it goes to Slack, it never pages. */
public enum Severity {
    CRITICAL, ERROR, WARNING, INFO
}
