package dev.dialtone.integrations.pagerduty;

import java.util.Locale;

/**
 * Severity as PagerDuty's Common Event Format knows it, separate from Dialtone's own so that mapping one to the
 * other is a decision made once, where alerts are raised.
 */
public enum PagerDutySeverity {
    CRITICAL,
    ERROR,
    WARNING,
    INFO;

    /** The value PagerDuty expects in {@code payload.severity}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
