package dev.dialtone.bench.sim;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The failures a voice agent line goes through in real life, each named as on the simulator's command line. */
enum FaultKind {

    /** The agent is down: every call dropped with a provider error, health checks time out. */
    OUTAGE("outage", "OUTAGE"),
    /** Silent degradation: 15% of inbound calls dropped, while every health check stays UP. */
    DROP15("drop15", "DEGRADED"),
    /** The agent answers, but every hand-off to a person fails. */
    TRANSFER_FAIL("transfer-fail", "DEGRADED"),
    /** Nothing at all arrives from the line: no calls, no health checks (a dead man's switch should notice). */
    SILENCE("silence", "SILENCE"),
    /** Twice the usual call volume (a campaign, a storm). */
    SPIKE2("spike2", null),
    /** Ten times the usual call volume. */
    SPIKE10("spike10", null);

    private final String cliName;
    private final String expectedIncident;

    FaultKind(String cliName, String expectedIncident) {
        this.cliName = cliName;
        this.expectedIncident = expectedIncident;
    }

    String cliName() {
        return cliName;
    }

    /** The incident kind Dialtone should open for this fault, or null when none is due (a spike is load, not harm). */
    String expectedIncident() {
        return expectedIncident;
    }

    /** How much the call arrival rate is multiplied while this fault lasts. */
    double rateMultiplier() {
        return switch (this) {
            case SPIKE2 -> 2;
            case SPIKE10 -> 10;
            default -> 1;
        };
    }

    static FaultKind byCliName(String name) {
        return Arrays.stream(values()).filter(k -> k.cliName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown kind '" + name + "'; use one of "
                        + Arrays.stream(values()).map(FaultKind::cliName).collect(Collectors.joining(", "))));
    }
}
