package dev.dialtone.domain.agent.api;

import java.time.Duration;

/**
 * Per-agent knobs of the detectors (DESIGN.md "Detection"); {@link #DEFAULTS} are the documented defaults.
 *
 * @param healthFailuresToOpen     consecutive DOWN results of one check that open an OUTAGE
 * @param healthSuccessesToResolve consecutive UP results that end it
 * @param badCallsToOpen           consecutive bad inbound calls that open an OUTAGE
 * @param goodCallsToResolve       consecutive good inbound calls that end a call-driven OUTAGE
 * @param baselineBadRate          p0 of the DEGRADED CUSUM: the normal share of bad inbound calls
 * @param degradedBadRate          p1 of the DEGRADED CUSUM: the share worth paging for
 * @param silence                  no call and no UP check for this long inside business hours opens SILENCE
 * @param reopenWindow             a recurrence within this long after resolution reopens the last incident
 * @param autoResolve              whether recovery resolves the incident, or a human must
 */
public record DetectionSettings(int healthFailuresToOpen,
                                int healthSuccessesToResolve,
                                int badCallsToOpen,
                                int goodCallsToResolve,
                                double baselineBadRate,
                                double degradedBadRate,
                                Duration silence,
                                Duration reopenWindow,
                                boolean autoResolve) {

    public static final DetectionSettings DEFAULTS = new DetectionSettings(
            2, 2, 5, 3, 0.03, 0.15, Duration.ofMinutes(30), Duration.ofMinutes(10), true);

    public DetectionSettings {
        requirePositive(healthFailuresToOpen, "healthFailuresToOpen");
        requirePositive(healthSuccessesToResolve, "healthSuccessesToResolve");
        requirePositive(badCallsToOpen, "badCallsToOpen");
        requirePositive(goodCallsToResolve, "goodCallsToResolve");
        if (!(baselineBadRate > 0 && baselineBadRate < degradedBadRate && degradedBadRate < 1)) {
            throw new IllegalArgumentException("detection rates need 0 < baselineBadRate < degradedBadRate < 1");
        }
        if (silence == null || silence.isNegative() || silence.isZero()) {
            throw new IllegalArgumentException("detection.silence must be a positive duration");
        }
        if (reopenWindow == null || reopenWindow.isNegative() || reopenWindow.isZero()) {
            throw new IllegalArgumentException("detection.reopenWindow must be a positive duration");
        }
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException("detection." + name + " must be at least 1");
        }
    }
}
