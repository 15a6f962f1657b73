package dev.dialtone.bench.sim;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * How busy a business line is over the week, as a fraction of its peak: the shape of inbound call volume at a
 * small US business (law firm, clinic, agency), so that simulated traffic rises and falls the way a real intake line
 * does, and detectors see quiet nights as well as busy late mornings.
 * <p>
 * Weekdays: nearly silent at night, a ramp from 08:00 to 10:00, the peak at 11:00, a lunch dip, a second high in the
 * early afternoon, a taper from 16:00 to 19:00. Saturdays carry 40% of a weekday, Sundays 20%. Between the knots the
 * curve is linear, so it is continuous, also across midnight.
 */
public final class DailyCurve {

    /** Minute of the day and the weekday factor there; the last knot repeats the first one day later. */
    private static final int[] MINUTES = {0, 6 * 60, 7 * 60, 8 * 60, 9 * 60, 10 * 60, 11 * 60, 12 * 60, 12 * 60 + 30,
            13 * 60 + 30, 14 * 60 + 30, 15 * 60 + 30, 16 * 60 + 30, 17 * 60 + 30, 18 * 60, 19 * 60, 20 * 60, 22 * 60,
            24 * 60};
    private static final double[] FACTORS = {0.03, 0.03, 0.08, 0.30, 0.65, 0.90, 1.00, 0.85, 0.80,
            0.90, 0.95, 0.85, 0.70, 0.45, 0.30, 0.12, 0.07, 0.04,
            0.03};
    static final double SATURDAY = 0.4;
    static final double SUNDAY = 0.2;

    private DailyCurve() {
    }

    /** The call volume at {@code time} on {@code day}, local to the line, as a fraction (0, 1] of the weekly peak. */
    public static double factor(LocalTime time, DayOfWeek day) {
        double minute = time.toSecondOfDay() / 60.0 + time.getNano() / 60e9;
        int i = 1;
        while (MINUTES[i] < minute) {
            i++;
        }
        double share = (minute - MINUTES[i - 1]) / (MINUTES[i] - MINUTES[i - 1]);
        double weekday = FACTORS[i - 1] + share * (FACTORS[i] - FACTORS[i - 1]);
        return switch (day) {
            case SATURDAY -> weekday * SATURDAY;
            case SUNDAY -> weekday * SUNDAY;
            default -> weekday;
        };
    }
}
