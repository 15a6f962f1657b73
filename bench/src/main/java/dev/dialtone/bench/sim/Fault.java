package dev.dialtone.bench.sim;

/**
 * One injected fault: what, from which second of the run (wall clock, counted from the first signal) for how long,
 * and on which agents (indexes {@code firstAgent..lastAgent}, inclusive). {@code cause} is the provider error an
 * outage's dropped calls report.
 */
record Fault(FaultKind kind, int startSecond, int durationSeconds, int firstAgent, int lastAgent, String selector,
             String cause) {

    Fault {
        if (durationSeconds <= 0) {
            throw new IllegalArgumentException("the duration must be at least 1 second");
        }
        if (startSecond < 0 || firstAgent < 0 || lastAgent < firstAgent) {
            throw new IllegalArgumentException("start and agents must be non-negative and in order");
        }
    }

    boolean activeAt(double elapsedSeconds) {
        return elapsedSeconds >= startSecond && elapsedSeconds < startSecond + durationSeconds;
    }

    boolean covers(int agent) {
        return agent >= firstAgent && agent <= lastAgent;
    }

    int agentCount() {
        return lastAgent - firstAgent + 1;
    }

    /** As written on the command line, e.g. {@code outage@10+15:3}. */
    @Override
    public String toString() {
        return kind.cliName() + "@" + startSecond + "+" + durationSeconds + ":" + selector;
    }

    /** Short form for the progress line: {@code outage[3]}. */
    String label() {
        return kind.cliName() + "[" + selector + "]";
    }
}
