package dev.dialtone.domain.sla;

/** Calls in a window: inbound ones by outcome, and outbound ones in total (they do not count toward the SLI). */
public record CallTally(long answered, long transferred, long missed, long dropped, long transferFailed,
                        long abandoned, long outbound) {

    public static final CallTally NONE = new CallTally(0, 0, 0, 0, 0, 0, 0);

    public CallTally plus(CallTally other) {
        return new CallTally(answered + other.answered, transferred + other.transferred, missed + other.missed,
                dropped + other.dropped, transferFailed + other.transferFailed, abandoned + other.abandoned,
                outbound + other.outbound);
    }

    public long total() {
        return answered + transferred + missed + dropped + transferFailed + abandoned + outbound;
    }

    public long good() {
        return answered + transferred;
    }

    /** Inbound calls that failed the caller: each one a lead that may have called the next firm. */
    public long bad() {
        return missed + dropped + transferFailed;
    }
}
