package dev.dialtone.domain.detection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Page's CUSUM (Page 1954) for a shift in the share of bad calls from {@code p0} to {@code p1}: the log-likelihood
 * ratio of each call is summed, floored at zero, and an alarm is raised when the sum reaches {@code h}. Among
 * procedures with the same false-alarm rate it detects the shift fastest in the worst case (Moustakides 1986).
 * <p>
 * Each call adds {@code ln(p1/p0)} if bad and {@code ln((1-p1)/(1-p0))} if good. The threshold is derived, not
 * guessed: {@link #threshold} finds the smallest {@code h} whose in-control average run length (calls between false
 * alarms at {@code p0}) is at least the target, computing run lengths exactly on a fine lattice with the Markov chain
 * method of Brook and Evans (1972). For p0 = 3%, p1 = 15% and a target of 10,000 calls this gives h = 6.05 (in-control
 * run length 10,119 calls) and a zero-state delay of 45 calls after a shift to 15%.
 */
public final class BernoulliCusum {

    /** Calls between false alarms that DESIGN.md asks for at the baseline rate. */
    public static final double TARGET_IN_CONTROL_RUN_LENGTH = 10_000;
    /** Lattice steps per good call: fine enough that the lattice rounds ln(p1/p0) by under 0.5%. */
    private static final int STEPS_PER_GOOD_CALL = 24;
    private static final Map<String, Double> THRESHOLDS = new ConcurrentHashMap<>();

    private final double badStep;
    private final double goodStep;
    private final double threshold;
    private double sum;

    public BernoulliCusum(double p0, double p1, double threshold) {
        this.badStep = Math.log(p1 / p0);
        this.goodStep = Math.log((1 - p1) / (1 - p0));
        this.threshold = threshold;
    }

    /** A detector for p0 to p1 with the derived threshold (computed once per pair, then cached). */
    public static BernoulliCusum forRates(double p0, double p1) {
        return new BernoulliCusum(p0, p1, threshold(p0, p1, TARGET_IN_CONTROL_RUN_LENGTH));
    }

    /** Adds one call; true once the sum has reached the threshold. */
    public boolean record(boolean bad) {
        sum = Math.max(0, sum + (bad ? badStep : goodStep));
        return sum >= threshold;
    }

    public double statistic() {
        return sum;
    }

    public double threshold() {
        return threshold;
    }

    public void restore(double statistic) {
        this.sum = statistic;
    }

    public void reset() {
        sum = 0;
    }

    /** The smallest threshold whose in-control average run length is at least {@code targetRunLength}. */
    public static double threshold(double p0, double p1, double targetRunLength) {
        return THRESHOLDS.computeIfAbsent(p0 + "/" + p1 + "/" + targetRunLength, key -> {
            double low = 0.1;
            double high = 1;
            while (averageRunLength(p0, p0, p1, high) < targetRunLength) {
                high *= 2;
            }
            for (int i = 0; i < 40; i++) {
                double mid = (low + high) / 2;
                if (averageRunLength(p0, p0, p1, mid) >= targetRunLength) {
                    high = mid;
                } else {
                    low = mid;
                }
            }
            return high;
        });
    }

    /**
     * Zero-state average run length when calls are bad with probability {@code p}: the expected number of calls until
     * the sum, started at zero, reaches {@code h}. The sum lives on a lattice of {@code |ln((1-p1)/(1-p0))| / 24};
     * for states 0..n-1 below the threshold, L(i) = 1 + p L(i+J) + (1-p) L(max(0, i-K)), with L = 0 past the
     * threshold. That banded linear system is solved by Gaussian elimination (the matrix is an M-matrix, so no
     * pivoting is needed).
     */
    public static double averageRunLength(double p, double p0, double p1, double h) {
        double good = Math.log((1 - p1) / (1 - p0));
        double bad = Math.log(p1 / p0);
        double delta = -good / STEPS_PER_GOOD_CALL;
        int down = STEPS_PER_GOOD_CALL;
        int up = (int) Math.round(bad / delta);
        int n = (int) Math.ceil(h / delta);
        int width = down + up + 1;
        // band[i][j - i + down] holds A[i][j] for j in [i - down, i + up]
        double[][] band = new double[n][width];
        double[] rhs = new double[n];
        for (int i = 0; i < n; i++) {
            band[i][down] = 1;
            if (i + up < n) {
                band[i][up + down] -= p;
            }
            int lower = Math.max(0, i - down);
            band[i][lower - i + down] -= 1 - p;
            rhs[i] = 1;
        }
        for (int c = 0; c < n; c++) {
            double pivot = band[c][down];
            int lastRow = Math.min(n - 1, c + down);
            int lastCol = Math.min(n - 1, c + up);
            for (int r = c + 1; r <= lastRow; r++) {
                double factor = band[r][c - r + down] / pivot;
                if (factor == 0) {
                    continue;
                }
                for (int col = c; col <= lastCol; col++) {
                    band[r][col - r + down] -= factor * band[c][col - c + down];
                }
                rhs[r] -= factor * rhs[c];
            }
        }
        double[] runLength = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double value = rhs[i];
            for (int col = i + 1; col <= Math.min(n - 1, i + up); col++) {
                value -= band[i][col - i + down] * runLength[col];
            }
            runLength[i] = value / band[i][down];
        }
        return runLength[0];
    }
}
