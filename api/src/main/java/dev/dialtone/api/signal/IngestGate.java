package dev.dialtone.api.signal;

import dev.dialtone.api.web.OverloadedException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Bounds the signal batches being stored at once. Past the bound a batch is refused at once with 503 and
 * {@code Retry-After}, before anything of it is stored, instead of queueing until clients time out: a sender that
 * honours the header loses nothing (ids make the resend idempotent), and the signals already accepted keep a
 * predictable latency.
 */
@Component
public class IngestGate {

    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Semaphore permits;
    private final int limit;

    public IngestGate(@Value("${dialtone.ingest.max-in-flight:32}") int limit, MeterRegistry meters) {
        this.limit = limit;
        this.permits = new Semaphore(limit);
        Gauge.builder("dialtone.ingest.in.flight", () -> this.limit - permits.availablePermits())
                .description("signal batches being stored now").register(meters);
    }

    /** A permit, or {@link OverloadedException} when {@code limit} batches are in flight already. */
    void enter() {
        if (!permits.tryAcquire()) {
            throw new OverloadedException(limit + " signal batches are being stored already; send this one again "
                    + "after Retry-After", RETRY_AFTER);
        }
    }

    void leave() {
        permits.release();
    }
}
