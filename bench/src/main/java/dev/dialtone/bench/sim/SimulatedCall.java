package dev.dialtone.bench.sim;

/** One finished call as a voice platform reports it: the fields of {@code POST /api/v1/signals/calls}. */
record SimulatedCall(String direction, String outcome, int durationSeconds, String reason) {
}
