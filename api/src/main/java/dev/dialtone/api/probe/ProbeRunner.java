package dev.dialtone.api.probe;

import dev.dialtone.api.registry.ConfigurationRegistry;
import dev.dialtone.api.registry.RegisteredAgent;
import dev.dialtone.api.signal.IngestMetrics;
import dev.dialtone.api.signal.IngestResult;
import dev.dialtone.api.signal.SignalIngestion;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.ProbeDefinition;
import dev.dialtone.domain.agent.api.ProbeKind;
import dev.dialtone.domain.signal.api.HealthCheckRecordedEvent;
import dev.dialtone.integrations.probe.HttpProbe;
import dev.dialtone.integrations.probe.ProbeResult;
import dev.dialtone.integrations.probe.SipOptionsProber;
import dev.dialtone.integrations.probe.StatuspageProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One run of one probe: check the target, record the result as a health-check signal named after the probe (its id
 * is the probe and the slot, so a run repeated after a crash is a duplicate, not a second fact), and say when the next
 * run is due. Status-page results are attributed to the vendor ({@code source} {@code statuspage:<vendor>}): the
 * detectors treat them as supporting evidence only.
 */
@Component
public class ProbeRunner {

    private final ConfigurationRegistry registry;
    private final SignalIngestion ingestion;
    private final IngestMetrics ingestMetrics;
    private final HttpProbe http;
    private final StatuspageProbe statuspage;
    private final ObjectProvider<SipOptionsProber> sip;
    private final MeterRegistry meters;
    private final Timer lag;
    private final Clock clock = Clock.systemUTC();

    public ProbeRunner(ConfigurationRegistry registry, SignalIngestion ingestion, IngestMetrics ingestMetrics,
                       HttpProbe http, StatuspageProbe statuspage, ObjectProvider<SipOptionsProber> sip,
                       MeterRegistry meters) {
        this.registry = registry;
        this.ingestion = ingestion;
        this.ingestMetrics = ingestMetrics;
        this.http = http;
        this.statuspage = statuspage;
        this.sip = sip;
        this.meters = meters;
        this.lag = Timer.builder("dialtone.probes.start.lag")
                .description("how late a probe run started after its slot")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    /** The task instance of a probe. */
    static String key(AgentId agentId, String probeId) {
        return agentId.value() + "/" + probeId;
    }

    /** Runs the probe for slot {@code slot}; empty when the probe (or its agent) is gone and the task should end. */
    Optional<Instant> run(String key, Instant slot) {
        Instant startedAt = clock.instant();
        lag.record(Duration.between(slot, startedAt).isNegative() ? Duration.ZERO : Duration.between(slot, startedAt));
        int slash = key.indexOf('/');
        AgentId agentId = new AgentId(key.substring(0, slash));
        String probeId = key.substring(slash + 1);
        Optional<ProbeDefinition> probe = registry.findProbe(agentId, probeId);
        Optional<RegisteredAgent> agent = registry.findAgent(agentId);
        if (probe.isEmpty() || agent.isEmpty()) {
            return Optional.empty();
        }
        ProbeDefinition definition = probe.get();
        ProbeResult result = check(definition);
        String source = definition.kind() == ProbeKind.STATUSPAGE
                ? HealthCheckRecordedEvent.VENDOR_SOURCE_PREFIX + definition.statuspage().vendor() : "probe";
        HealthCheckRecordedEvent signal = new HealthCheckRecordedEvent("probe:" + key + "@" + slot.toEpochMilli(),
                agent.get().tenant(), agentId, probeId, startedAt, result.status(), result.latencyMs(),
                result.detail(), source);
        IngestResult recorded = ingestion.ingest(List.of(signal));
        ingestMetrics.recorded(signal.kind(), recorded);
        meters.counter("dialtone.probes.runs", "kind", definition.kind().key(), "status", result.status().name())
                .increment();
        // read again: the probe may have been removed or given a new interval while it ran
        return nextAfter(key);
    }

    /** The probe's next slot from now; empty when the probe is gone. */
    Optional<Instant> nextAfter(String key) {
        int slash = key.indexOf('/');
        return registry.findProbe(new AgentId(key.substring(0, slash)), key.substring(slash + 1))
                .map(probe -> ProbeGrid.next(key, probe.interval(), clock.instant()));
    }

    private ProbeResult check(ProbeDefinition probe) {
        return switch (probe.kind()) {
            case HTTP -> http.probe(ProbeJson.check(probe.http(), probe.timeout()));
            case SIP_OPTIONS -> sip.getObject().probe(probe.sip().uri(), probe.sip().transport(), probe.timeout());
            case STATUSPAGE -> statuspage.probe(ProbeJson.check(probe.statuspage(), probe.timeout())).result();
        };
    }
}
