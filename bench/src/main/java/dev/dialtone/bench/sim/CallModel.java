package dev.dialtone.bench.sim;

import java.util.List;
import java.util.SplittableRandom;

/**
 * How calls end at a healthy line, and under each fault. Reasons are Vapi's {@code endedReason} values (see
 * integrations/MAPPINGS.md), so Dialtone's runbook choice sees what production sends.
 * <p>
 * A healthy line ({@code badRate} 0.03): 8% of calls outbound; of inbound calls 0.8% MISSED, 0.9% DROPPED, 1.0%
 * ABANDONED, 12% handed to a person (2.5% of those fail), the rest ANSWERED. That is 3% bad endings in all, but only
 * 2% count against the call-success SLI (abandoned calls do not), below the 3% baseline Dialtone's degradation CUSUM
 * is tuned for. Another {@code badRate} scales the four bad endings alike.
 * <p>
 * The CUSUM's false-alarm interval is counted in calls, not hours: feeding this model to Dialtone's
 * {@code DegradationDetector} gives one false alarm per ~73,000 inbound calls at {@code badRate=0.03} (two months of a
 * real line, a few minutes of a simulated one taking 300 calls/s) and one per several million at 0.015. Heavy runs on
 * few agents therefore see DEGRADED incidents nobody injected; spread the rate over more agents, or lower
 * {@code badRate}, when that noise matters.
 */
final class CallModel {

    static final double OUTBOUND = 0.08;
    static final double MISSED = 0.008;
    static final double DROPPED = 0.009;
    static final double ABANDONED = 0.010;
    static final double TRANSFERS = 0.12;
    static final double TRANSFER_FAILURES = 0.025;
    /** The share of inbound calls that end badly at the constants above. */
    static final double DEFAULT_BAD_RATE = MISSED + DROPPED + ABANDONED + TRANSFERS * TRANSFER_FAILURES;
    /** Share of inbound calls a {@code drop15} fault drops, on top of the healthy bad rate. */
    static final double DEGRADED_DROPS = 0.15;

    private static final List<String> MISSED_REASONS = List.of("twilio-failed-to-connect-call",
            "assistant-join-timed-out", "assistant-request-failed");
    private static final List<String> DROPPED_REASONS = List.of("pipeline-error-openai-llm-failed",
            "pipeline-error-deepgram-transcriber-failed", "pipeline-error-eleven-labs-voice-failed",
            "phone-call-provider-closed-websocket");
    private static final List<String> TRANSFER_FAILED_REASONS = List.of("call.in-progress.error-transfer-failed",
            "call.forwarding.operator-busy", "call.forwarding.no-answer");
    private static final List<String> DEGRADED_REASONS = List.of("pipeline-error-openai-llm-failed",
            "pipeline-error-openai-llm-failed", "call.in-progress.error-assistant-did-not-receive-customer-audio");

    private final double scale;

    /** A line where {@code badRate} of inbound calls end badly (MISSED, DROPPED, ABANDONED or TRANSFER_FAILED). */
    CallModel(double badRate) {
        if (badRate < 0 || badRate > 0.5) {
            throw new IllegalArgumentException("badRate must be between 0 and 0.5");
        }
        this.scale = badRate / DEFAULT_BAD_RATE;
    }

    SimulatedCall next(SplittableRandom random, FaultState faults) {
        String direction = random.nextDouble() < OUTBOUND ? "OUTBOUND" : "INBOUND";
        if (faults.outage()) {
            return new SimulatedCall(direction, "DROPPED", random.nextInt(0, 4), faults.outageCause());
        }
        if (direction.equals("OUTBOUND")) {
            double u = random.nextDouble();
            if (u < 0.22) {
                return new SimulatedCall(direction, "MISSED", 0, "customer-did-not-answer");
            }
            if (u < 0.27) {
                return new SimulatedCall(direction, "MISSED", 0, "customer-busy");
            }
            return new SimulatedCall(direction, "ANSWERED", conversation(random),
                    u < 0.85 ? "customer-ended-call" : "assistant-ended-call");
        }
        if (faults.dropping() && random.nextDouble() < DEGRADED_DROPS) {
            return new SimulatedCall(direction, "DROPPED", 5 + random.nextInt(60), pick(random, DEGRADED_REASONS));
        }
        double u = random.nextDouble();
        if (u < MISSED * scale) {
            return new SimulatedCall(direction, "MISSED", 0, pick(random, MISSED_REASONS));
        }
        u -= MISSED * scale;
        if (u < DROPPED * scale) {
            return new SimulatedCall(direction, "DROPPED", 5 + random.nextInt(120), pick(random, DROPPED_REASONS));
        }
        u -= DROPPED * scale;
        if (u < ABANDONED * scale) {
            return new SimulatedCall(direction, "ABANDONED", 1 + random.nextInt(15),
                    "call.ringing.sip-inbound-caller-hungup-before-call-connect");
        }
        u -= ABANDONED * scale;
        if (u < TRANSFERS) {
            if (faults.transfersFail() || random.nextDouble() < TRANSFER_FAILURES * scale) {
                return new SimulatedCall(direction, "TRANSFER_FAILED", 30 + random.nextInt(150),
                        pick(random, TRANSFER_FAILED_REASONS));
            }
            return new SimulatedCall(direction, "TRANSFERRED", 40 + random.nextInt(160), "assistant-forwarded-call");
        }
        double v = random.nextDouble();
        String reason = v < 0.70 ? "customer-ended-call" : v < 0.85 ? "assistant-ended-call"
                : v < 0.95 ? "assistant-said-end-call-phrase" : "silence-timed-out";
        return new SimulatedCall(direction, "ANSWERED", conversation(random), reason);
    }

    /** A conversation's length: at least 20 s, mean about 3 minutes, capped at an hour. */
    private static int conversation(SplittableRandom random) {
        return (int) Math.min(3600, 20 + Arrivals.exponential(random, 160));
    }

    private static String pick(SplittableRandom random, List<String> reasons) {
        return reasons.get(random.nextInt(reasons.size()));
    }
}
