package dev.dialtone.api.delivery;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Reschedules a failed delivery for ever, until it is delivered: at the time the attempt announced
 * ({@link DeliveryFailed#retryAt()}, which honours a receiver's {@code Retry-After}), else by {@link Backoff}.
 */
public final class BackoffFailureHandler<T> implements FailureHandler<T> {

    private static final Logger log = LoggerFactory.getLogger(BackoffFailureHandler.class);

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        int attempt = complete.getExecution().consecutiveFailures + 1;
        Instant next = complete.getCause()
                .filter(DeliveryFailed.class::isInstance)
                .map(cause -> ((DeliveryFailed) cause).retryAt())
                .orElseGet(() -> complete.getTimeDone().plus(Backoff.delay(attempt,
                        complete.getExecution().taskInstance.getId())));
        log.info("Delivery {} failed (attempt {}): {}; retrying at {}", complete.getExecution().taskInstance,
                attempt, complete.getCause().map(Throwable::getMessage).orElse("?"), next);
        operations.reschedule(complete, next);
    }
}
