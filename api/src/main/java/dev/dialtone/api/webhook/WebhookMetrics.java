package dev.dialtone.api.webhook;

import dev.dialtone.domain.agent.api.VoicePlatform;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code dialtone.webhooks.received} by platform and result, and {@code dialtone.webhooks.unknown.reasons} by
 * platform: a platform that starts sending a new failure reason shows up here before anyone reads the logs.
 */
@Component
public class WebhookMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void received(VoicePlatform platform, String result) {
        counters.computeIfAbsent(platform.key() + "/" + result, key -> Counter.builder("dialtone.webhooks.received")
                .description("voice-platform webhooks, by platform and result")
                .tag("platform", platform.key())
                .tag("result", result)
                .register(registry)).increment();
    }

    void unknownReason(VoicePlatform platform) {
        counters.computeIfAbsent(platform.key() + "#unknown", key -> Counter.builder("dialtone.webhooks.unknown.reasons")
                .description("calls whose end reason no mapping table knows (recorded, mapped by family or as DROPPED)")
                .tag("platform", platform.key())
                .register(registry)).increment();
    }
}
