package dev.dialtone.api.store;

import dev.dialtone.domain.signal.api.AgentSignal;
import dev.dialtone.projections.ProcessingGroups;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How far the read models trail the event store: for each signal, the time from its being stored to the projections
 * processor handling it ({@code dialtone.projections.lag}, with p50/p99). A replay is not lag and is not counted.
 */
@Component
@ProcessingGroup(ProcessingGroups.PROJECTIONS)
public class ProjectionLag {

    private final Timer lag;
    private final Clock clock = Clock.systemUTC();

    public ProjectionLag(MeterRegistry meters) {
        this.lag = Timer.builder("dialtone.projections.lag")
                .description("time from a signal being stored to the read models handling it")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    @EventHandler
    void on(AgentSignal signal, @Timestamp Instant storedAt, ReplayStatus replay) {
        if (!replay.isReplay()) {
            Duration behind = Duration.between(storedAt, clock.instant());
            lag.record(behind.isNegative() ? Duration.ZERO : behind);
        }
    }
}
