package dev.dialtone.bench.sim;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CallModelTest {

    private static final Set<String> SLI_BAD = Set.of("MISSED", "DROPPED", "TRANSFER_FAILED");
    private static final int CALLS = 200_000;

    private static Map<String, Double> inboundShares(CallModel model, FaultState faults) {
        SplittableRandom random = new SplittableRandom(11);
        Map<String, Integer> counts = new HashMap<>();
        int inbound = 0;
        for (int i = 0; i < CALLS; i++) {
            SimulatedCall call = model.next(random, faults);
            assertThat(call.reason()).isNotBlank();
            assertThat(call.durationSeconds()).isBetween(0, 3600);
            if (call.direction().equals("INBOUND")) {
                inbound++;
                counts.merge(call.outcome(), 1, Integer::sum);
            }
        }
        Map<String, Double> shares = new HashMap<>();
        int total = inbound;
        counts.forEach((outcome, n) -> shares.put(outcome, n / (double) total));
        shares.put("bad", counts.entrySet().stream().filter(e -> SLI_BAD.contains(e.getKey()))
                .mapToInt(Map.Entry::getValue).sum() / (double) total);
        shares.put("inbound", total / (double) CALLS);
        return shares;
    }

    @Test
    void aHealthyLineMostlyAnswersAndFailsAboutThreePercentOfCalls() {
        Map<String, Double> shares = inboundShares(new CallModel(0.03), FaultState.NORMAL);

        assertThat(shares.get("inbound")).isCloseTo(0.92, within(0.005));
        assertThat(shares.get("ANSWERED")).isGreaterThan(0.8);
        assertThat(shares.get("TRANSFERRED")).isCloseTo(0.117, within(0.005));
        assertThat(shares.get("bad") + shares.get("ABANDONED")).isCloseTo(0.03, within(0.002));
        assertThat(shares.get("bad")).as("below the CUSUM's 3% baseline").isCloseTo(0.02, within(0.002));
    }

    @Test
    void badRateScalesTheBadEndings() {
        assertThat(inboundShares(new CallModel(0.006), FaultState.NORMAL).get("bad")).isCloseTo(0.004, within(0.001));
    }

    @Test
    void anOutageDropsEveryCallWithItsCause() {
        FaultState outage = new FaultState(false, "twilio-error", false, false, 1);
        SplittableRandom random = new SplittableRandom(5);
        CallModel model = new CallModel(0.03);
        for (int i = 0; i < 10_000; i++) {
            SimulatedCall call = model.next(random, outage);
            assertThat(call.outcome()).isEqualTo("DROPPED");
            assertThat(call.reason()).isEqualTo("twilio-error");
        }
    }

    @Test
    void drop15DropsAboutFifteenPercentMoreInboundCalls() {
        Map<String, Double> shares = inboundShares(new CallModel(0.03), new FaultState(false, null, true, false, 1));

        assertThat(shares.get("bad")).isCloseTo(0.02 + 0.15 * 0.98, within(0.005));
    }

    @Test
    void transferFailFailsEveryTransfer() {
        Map<String, Double> shares = inboundShares(new CallModel(0.03), new FaultState(false, null, false, true, 1));

        assertThat(shares).doesNotContainKey("TRANSFERRED");
        assertThat(shares.get("TRANSFER_FAILED")).isCloseTo(0.12, within(0.005));
    }
}
