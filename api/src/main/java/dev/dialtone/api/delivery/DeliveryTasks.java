package dev.dialtone.api.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.dialtone.api.config.DialtoneProperties;
import dev.dialtone.api.runbook.RunbookLinks;
import dev.dialtone.api.registry.ConfigurationRegistry;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.FailoverTarget;
import dev.dialtone.domain.incident.api.FailoverAction;
import dev.dialtone.domain.incident.api.IncidentId;
import dev.dialtone.domain.incident.api.RecordFailoverOutcomeCommand;
import dev.dialtone.integrations.webhook.SignedWebhookClient;
import dev.dialtone.integrations.webhook.WebhookDeliveryException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The delivery tasks. Each runs on whichever node picks it up, POSTs once, records the outcome on the incident and,
 * on failure, is rescheduled with {@link Backoff} until it is delivered. The receiver sees the same
 * {@code Idempotency-Key} on every attempt, so an attempt that arrived but whose answer was lost is not acted on
 * twice.
 */
@Configuration(proxyBeanMethods = false)
public class DeliveryTasks {

    static final String NOTIFICATION_TASK = "notification-delivery";
    static final String FAILOVER_TASK = "failover-delivery";

    @Bean
    public SignedWebhookClient signedWebhookClient() {
        return new SignedWebhookClient(Duration.ofSeconds(3), Duration.ofSeconds(10));
    }

    @Bean
    public OneTimeTask<String> notificationDeliveryTask(SignedWebhookClient client, ObjectMapper mapper,
                                                        ObjectProvider<CommandGateway> commands,
                                                        DialtoneProperties properties, RunbookLinks runbooks,
                                                        MeterRegistry meters) {
        NotificationOutcomes outcomes = new NotificationOutcomes(commands, meters, "webhook");
        return Tasks.oneTime(NOTIFICATION_TASK, String.class)
                .onFailure(new BackoffFailureHandler<>())
                .execute((TaskInstance<String> instance, ExecutionContext context) -> {
                    DeliveryJobs.NotificationJob job = DeliveryJobs.read(mapper, instance.getData(),
                            DeliveryJobs.NotificationJob.class);
                    int attempt = context.getExecution().consecutiveFailures + 1;
                    try {
                        String detail = client.post(job.url(), notificationBody(job, properties, runbooks, mapper),
                                job.secret(), job.notificationId());
                        outcomes.delivered(job.incidentId(), job.notificationId(), attempt, detail);
                    } catch (WebhookDeliveryException e) {
                        throw outcomes.retrying(job.incidentId(), job.notificationId(), attempt, e.getMessage(), null);
                    }
                });
    }

    @Bean
    public OneTimeTask<String> failoverDeliveryTask(SignedWebhookClient client, ObjectMapper mapper,
                                                    ObjectProvider<CommandGateway> commands,
                                                    ConfigurationRegistry registry, MeterRegistry meters) {
        Attempts attempts = new Attempts(client, meters, "failover");
        return Tasks.oneTime(FAILOVER_TASK, String.class)
                .onFailure(new BackoffFailureHandler<>())
                .execute((TaskInstance<String> instance, ExecutionContext context) -> {
                    DeliveryJobs.FailoverJob job = DeliveryJobs.read(mapper, instance.getData(),
                            DeliveryJobs.FailoverJob.class);
                    String secret = registry.findAgent(new AgentId(job.agentId()))
                            .map(agent -> agent.configuration().failover())
                            .map(FailoverTarget::secret)
                            .orElse(null);
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("action", job.action());
                    payload.put("agentId", job.agentId());
                    payload.put("incidentId", job.incidentId());
                    payload.put("backupNumber", job.backupNumber());
                    IncidentId incident = new IncidentId(job.incidentId());
                    FailoverAction action = FailoverAction.valueOf(job.action());
                    attempts.deliver(job.requestId(), job.url(),
                            DeliveryJobs.write(mapper, payload).getBytes(StandardCharsets.UTF_8), secret,
                            context.getExecution().consecutiveFailures + 1,
                            (attempt, detail, at) -> commands.getObject().sendAndWait(new RecordFailoverOutcomeCommand(
                                    incident, job.requestId(), action, true, attempt, detail, null, at)),
                            (attempt, error, next, at) -> commands.getObject().sendAndWait(
                                    new RecordFailoverOutcomeCommand(incident, job.requestId(), action, false, attempt,
                                            error, next, at)));
                });
    }

    /** One delivery attempt: POST, then record the outcome; a failure is recorded and rethrown to reschedule. */
    private static final class Attempts {

        private final SignedWebhookClient client;
        private final Counter delivered;
        private final Counter failed;
        private final Clock clock = Clock.systemUTC();

        Attempts(SignedWebhookClient client, MeterRegistry meters, String kind) {
            this.client = client;
            this.delivered = meters.counter("dialtone.deliveries", "kind", kind, "outcome", "delivered");
            this.failed = meters.counter("dialtone.deliveries", "kind", kind, "outcome", "failed");
        }

        void deliver(String deliveryId, String url, byte[] body, String secret, int attempt, Delivered onDelivered,
                     Failed onFailed) {
            try {
                String detail = client.post(url, body, secret, deliveryId);
                onDelivered.record(attempt, detail, clock.instant());
                delivered.increment();
            } catch (WebhookDeliveryException e) {
                failed.increment();
                Instant next = clock.instant().plus(Backoff.delay(attempt, deliveryId));
                if (Backoff.worthRecording(attempt)) {
                    onFailed.record(attempt, e.getMessage(), next, clock.instant());
                }
                throw new DeliveryFailed(deliveryId + " attempt " + attempt + ": " + e.getMessage(), next);
            }
        }
    }

    /** Records a delivered attempt. */
    private interface Delivered {
        void record(int attempt, String detail, Instant at);
    }

    /** Records a failed attempt and when the next one is due. */
    private interface Failed {
        void record(int attempt, String error, Instant nextAttemptAt, Instant at);
    }

    /** The body a webhook target receives (DESIGN.md). */
    static byte[] notificationBody(DeliveryJobs.NotificationJob job, DialtoneProperties properties,
                                   RunbookLinks runbooks, ObjectMapper mapper) {
        String base = properties.publicBaseUrl().toString().replaceAll("/+$", "");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", job.type().toLowerCase(Locale.ROOT));
        body.put("incidentId", job.incidentId());
        body.put("agentId", job.agentId());
        body.put("kind", job.kind());
        body.put("severity", job.severity().toLowerCase(Locale.ROOT));
        body.put("level", job.level());
        body.put("round", job.round());
        body.put("summary", job.summary());
        body.put("runbookUrl", runbooks.url(job.agentId(), job.incidentId(), job.runbookId()));
        body.put("incidentUrl", base + "/api/v1/incidents/" + job.incidentId());
        return DeliveryJobs.write(mapper, body).getBytes(StandardCharsets.UTF_8);
    }
}
