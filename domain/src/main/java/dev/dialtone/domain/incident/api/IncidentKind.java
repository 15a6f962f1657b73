package dev.dialtone.domain.incident.api;

import java.util.Locale;

/** What went wrong, which also decides how loud the page is and which runbook the responder gets. */
public enum IncidentKind {
    /** The agent does not answer: health checks or consecutive calls fail. */
    OUTAGE(Severity.CRITICAL),
    /** The agent answers, but drops noticeably more calls than usual (CUSUM). */
    DEGRADED(Severity.ERROR),
    /** No call and no passing health check for too long inside business hours (dead man's switch). */
    SILENCE(Severity.CRITICAL),
    /** The call-success error budget is being spent too fast (multiwindow burn rates). */
    BUDGET_BURN(Severity.WARNING);

    private final Severity severity;

    IncidentKind(Severity severity) {
        this.severity = severity;
    }

    public Severity defaultSeverity() {
        return severity;
    }

    /** The runbook for this kind, e.g. {@code budget-burn}. */
    public String runbookId() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
