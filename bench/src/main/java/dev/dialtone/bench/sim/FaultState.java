package dev.dialtone.bench.sim;

/**
 * What the faults active on one agent at one moment add up to. Silence wins over everything (nothing is sent); an
 * outage drops every call; spikes multiply.
 */
record FaultState(boolean silent, String outageCause, boolean dropping, boolean transfersFail, double rateMultiplier) {

    static final FaultState NORMAL = new FaultState(false, null, false, false, 1);

    boolean outage() {
        return outageCause != null;
    }
}
