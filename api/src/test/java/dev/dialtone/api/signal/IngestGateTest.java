package dev.dialtone.api.signal;

import dev.dialtone.api.web.OverloadedException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestGateTest {

    @Test
    void refusesPastTheLimitAndLetsInAgainWhenABatchIsDone() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        IngestGate gate = new IngestGate(2, meters);
        gate.enter();
        gate.enter();
        assertThat(meters.get("dialtone.ingest.in.flight").gauge().value()).isEqualTo(2.0);
        assertThatThrownBy(gate::enter).isInstanceOfSatisfying(OverloadedException.class, e ->
                assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        gate.leave();
        gate.enter();
        assertThat(meters.get("dialtone.ingest.in.flight").gauge().value()).isEqualTo(2.0);
    }
}
