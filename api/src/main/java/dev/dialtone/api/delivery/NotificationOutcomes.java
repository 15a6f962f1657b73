package dev.dialtone.api.delivery;

import dev.dialtone.domain.incident.api.IncidentId;
import dev.dialtone.domain.incident.api.RecordNotificationAttemptFailedCommand;
import dev.dialtone.domain.incident.api.RecordNotificationDeliveredCommand;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Puts the outcome of each delivery attempt of one channel (PagerDuty, Slack) on the incident's timeline and in the
 * {@code dialtone.deliveries} metric: delivered, retrying (the first few attempts, then hourly), or given up.
 */
public final class NotificationOutcomes {

    private final ObjectProvider<CommandGateway> commands;
    private final MeterRegistry meters;
    private final String kind;
    private final Clock clock = Clock.systemUTC();

    public NotificationOutcomes(ObjectProvider<CommandGateway> commands, MeterRegistry meters, String kind) {
        this.commands = commands;
        this.meters = meters;
        this.kind = kind;
    }

    public void delivered(String incidentId, String notificationId, int attempt, String detail) {
        meters.counter("dialtone.deliveries", "kind", kind, "outcome", "delivered").increment();
        commands.getObject().sendAndWait(new RecordNotificationDeliveredCommand(new IncidentId(incidentId),
                notificationId, attempt, detail, clock.instant()));
    }

    /** Records a failed attempt that will be retried; throw what it returns so the task is rescheduled. */
    public DeliveryFailed retrying(String incidentId, String notificationId, int attempt, String error,
                                   Duration retryAfter) {
        meters.counter("dialtone.deliveries", "kind", kind, "outcome", "failed").increment();
        Instant now = clock.instant();
        Instant next = now.plus(Backoff.delay(attempt, notificationId, retryAfter));
        if (Backoff.worthRecording(attempt)) {
            commands.getObject().sendAndWait(new RecordNotificationAttemptFailedCommand(new IncidentId(incidentId),
                    notificationId, attempt, error, next, now));
        }
        return new DeliveryFailed(notificationId + " attempt " + attempt + ": " + error, next);
    }

    /** Records a failure no retry can mend (e.g. PagerDuty refused the event as invalid). */
    public void gaveUp(String incidentId, String notificationId, int attempt, String error) {
        meters.counter("dialtone.deliveries", "kind", kind, "outcome", "rejected").increment();
        commands.getObject().sendAndWait(new RecordNotificationAttemptFailedCommand(new IncidentId(incidentId),
                notificationId, attempt, error, null, clock.instant()));
    }
}
