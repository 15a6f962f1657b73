package dev.dialtone.api.signal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import dev.dialtone.domain.signal.api.SignalKind;

/**
 * Ingest counters for {@code /actuator/prometheus}: signals accepted and deduplicated per kind, and requests
 * rejected per kind and reason.
 */
@Component
public class IngestMetrics {

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void recorded(SignalKind kind, IngestResult result) {
        signals(kind, "accepted").increment(result.accepted());
        signals(kind, "duplicate").increment(result.duplicates());
    }

    void rejected(SignalKind kind, String reason) {
        Counter.builder("dialtone.ingest.rejected")
                .description("signal requests refused, by reason")
                .tag("kind", kind.path())
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    private Counter signals(SignalKind kind, String result) {
        return Counter.builder("dialtone.ingest.signals")
                .description("signals received, by kind and result")
                .tag("kind", kind.path())
                .tag("result", result)
                .register(registry);
    }
}
