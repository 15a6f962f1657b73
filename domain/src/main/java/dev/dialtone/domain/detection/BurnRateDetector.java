package dev.dialtone.domain.detection;

import java.time.Instant;

/**
 * Multiwindow, multi-burn-rate alerting on the call-success SLI, as in the Google SRE Workbook ("Alerting on SLOs",
 * table 5-8): page when the 1-hour and 5-minute burn rates both exceed 14.4, or the 6-hour and 30-minute rates both
 * exceed 6; open a ticket when the 3-day and 6-hour rates both exceed 1. A burn rate is the share of bad calls in
 * the window divided by the error budget (1 - target). Windows run in event time and end at the newest call seen.
 * <p>
 * The short window makes an alert stop soon after the burning stops; the long window keeps brief blips from paging.
 * A page also needs at least {@code minBadCalls} bad calls in its long window, so one dropped call on a quiet line
 * cannot wake anyone; and a rule only applies once the calls seen span its short window, so a line watched for
 * an hour is not judged by a "3-day" rate made of that hour.
 */
public final class BurnRateDetector {

    /** What the windows say right now. */
    public enum Level { NONE, TICKET, PAGE }

    private static final int FIVE_MINUTES = 0;
    private static final int THIRTY_MINUTES = 1;
    private static final int ONE_HOUR = 2;
    private static final int SIX_HOURS = 0;
    private static final int THREE_DAYS = 0;

    /** 1-second slots for the windows up to an hour, so the 14.4x rule trips at the workbook's 51.84 s. */
    final SlotRing fine = new SlotRing(1, 3600, 300, 1800, 3600);
    /** 1-minute slots for 6 hours. */
    final SlotRing medium = new SlotRing(60, 6 * 60, 6 * 60);
    /** 5-minute slots for 3 days: the ticket rule is about days, minutes do not matter there. */
    final SlotRing coarse = new SlotRing(300, 3 * 24 * 12, 3 * 24 * 12);

    private final double errorBudget;
    private final int minBadCalls;
    /** Epoch second of the first call counted; windows with less history than their short window do not alert. */
    long firstCall = Long.MIN_VALUE;

    /** @param targetPercent the call-success target, e.g. 95.0 */
    public BurnRateDetector(double targetPercent, int minBadCalls) {
        this.errorBudget = 1 - targetPercent / 100;
        this.minBadCalls = minBadCalls;
    }

    /** Counts one inbound call (good or bad) and says which rule holds now. */
    public Level record(Instant occurredAt, boolean bad) {
        long second = occurredAt.getEpochSecond();
        if (firstCall == Long.MIN_VALUE || second < firstCall) {
            firstCall = second;
        }
        fine.add(second, bad);
        medium.add(second, bad);
        coarse.add(second, bad);
        return level();
    }

    public Level level() {
        long history = fine.newestSecond() - firstCall;
        boolean fast = history >= 5 * 60 && exceeds(fine, ONE_HOUR, 14.4) && exceeds(fine, FIVE_MINUTES, 14.4)
                && fine.bad(ONE_HOUR) >= minBadCalls;
        boolean slow = history >= 30 * 60 && exceeds(medium, SIX_HOURS, 6) && exceeds(fine, THIRTY_MINUTES, 6)
                && medium.bad(SIX_HOURS) >= minBadCalls;
        if (fast || slow) {
            return Level.PAGE;
        }
        boolean ticket = history >= 6 * 3600 && exceeds(coarse, THREE_DAYS, 1) && exceeds(medium, SIX_HOURS, 1)
                && coarse.bad(THREE_DAYS) >= minBadCalls;
        return ticket ? Level.TICKET : Level.NONE;
    }

    /** The burn rate over the last hour, for evidence and tests. */
    public double oneHourBurnRate() {
        return burnRate(fine, ONE_HOUR);
    }

    public double fiveMinuteBurnRate() {
        return burnRate(fine, FIVE_MINUTES);
    }

    private boolean exceeds(SlotRing ring, int window, double factor) {
        return burnRate(ring, window) > factor;
    }

    private double burnRate(SlotRing ring, int window) {
        long total = ring.good(window) + ring.bad(window);
        return total == 0 ? 0 : (double) ring.bad(window) / total / errorBudget;
    }
}
