package dev.dialtone.api.signal;

import dev.dialtone.domain.signal.api.SignalKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ingest counters for {@code /actuator/prometheus}: signals accepted and deduplicated per kind, and requests
 * rejected per kind and reason.
 */
@Component
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Map<SignalKind, Counter> accepted = new EnumMap<>(SignalKind.class);
    private final Map<SignalKind, Counter> duplicates = new EnumMap<>(SignalKind.class);
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (SignalKind kind : SignalKind.values()) {
            accepted.put(kind, signals(kind, "accepted"));
            duplicates.put(kind, signals(kind, "duplicate"));
        }
    }

    public void recorded(SignalKind kind, IngestResult result) {
        accepted.get(kind).increment(result.accepted());
        duplicates.get(kind).increment(result.duplicates());
    }

    void rejected(SignalKind kind, String reason) {
        rejected.computeIfAbsent(kind.path() + "/" + reason, key -> Counter.builder("dialtone.ingest.rejected")
                .description("signal requests refused, by reason")
                .tag("kind", kind.path())
                .tag("reason", reason)
                .register(registry)).increment();
    }

    private Counter signals(SignalKind kind, String result) {
        return Counter.builder("dialtone.ingest.signals")
                .description("signals received, by kind and result")
                .tag("kind", kind.path())
                .tag("result", result)
                .register(registry);
    }
}
