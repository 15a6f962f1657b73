package dev.dialtone.bench.sim;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorOptionsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static SimulatorOptions parse(String... args) {
        return SimulatorOptions.parse(args, NOW);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        SimulatorOptions o = parse();

        assertThat(o.url()).hasToString("http://localhost:8080");
        assertThat(o.key()).isEqualTo(SimulatorOptions.BENCH_KEY);
        assertThat(o.agents()).isEqualTo(20);
        assertThat(o.rate()).isNull();
        assertThat(o.seconds()).isEqualTo(60);
        assertThat(o.speed()).isEqualTo(1);
        assertThat(o.clients()).isEqualTo(4);
        assertThat(o.probeInterval()).isEqualTo(30);
        assertThat(o.faults().isEmpty()).isTrue();
        assertThat(o.seed()).isEqualTo(1);
        assertThat(o.ledger()).isNull();
        assertThat(o.setup()).isTrue();
        assertThat(o.prefix()).isEqualTo("sim");
        assertThat(o.policyWebhook()).isNull();
        assertThat(o.embedded()).isFalse();
        assertThat(o.batch()).isEqualTo(500);
        assertThat(o.runId()).isEqualTo("r" + Long.toString(NOW.getEpochSecond(), 36));
    }

    @Test
    void faultsAreCheckedAgainstTheNumberOfAgents() {
        assertThat(parse("agents=5", "faults=outage@1+2:4").faults().faults()).hasSize(1);
        assertThatThrownBy(() -> parse("agents=5", "faults=outage@1+2:5")).hasMessageContaining("0-4");
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> parse("agent=5")).hasMessageContaining("unknown argument 'agent'")
                .hasMessageContaining("agents");
        assertThatThrownBy(() -> parse("agents")).hasMessageContaining("not name=value");
        assertThatThrownBy(() -> parse("seconds=ten")).hasMessageContaining("seconds=ten: not a whole number");
        assertThatThrownBy(() -> parse("speed=0.5")).hasMessageContaining("speed=0.5: must be a number of at least 1");
        assertThatThrownBy(() -> parse("setup=yes")).hasMessageContaining("true or false");
        assertThatThrownBy(() -> parse("url=localhost:8080")).hasMessageContaining("absolute http(s) URL");
        assertThatThrownBy(() -> parse("batch=1001")).hasMessageContaining("between 1 and 1000");
        assertThatThrownBy(() -> parse("embedded=true", "url=http://x:1")).hasMessageContaining("leave out url");
        assertThatThrownBy(() -> parse("prefix=Sim")).hasMessageContaining("prefix=Sim");
    }

    @Test
    void aRateBelowTheHealthChecksAloneIsRefused() {
        assertThatThrownBy(() -> parse("agents=100", "probeInterval=10", "rate=5"))
                .hasMessageContaining("health checks alone are 10.0/s");
        assertThat(parse("agents=100", "probeInterval=10", "rate=11").rate()).isEqualTo(11);
    }
}
