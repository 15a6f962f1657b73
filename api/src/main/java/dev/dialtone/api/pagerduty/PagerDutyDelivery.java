package dev.dialtone.api.pagerduty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.dialtone.api.config.DialtoneProperties;
import dev.dialtone.api.delivery.BackoffFailureHandler;
import dev.dialtone.api.delivery.DeliveryJobs;
import dev.dialtone.api.delivery.DeliveryOrder;
import dev.dialtone.api.delivery.NotificationOutcomes;
import dev.dialtone.api.incident.IncidentHistory;
import dev.dialtone.api.registry.ConfigurationRegistry;
import dev.dialtone.api.registry.RegisteredAgent;
import dev.dialtone.api.runbook.RunbookLinks;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.incident.IncidentSnapshot;
import dev.dialtone.domain.incident.api.NotificationType;
import dev.dialtone.integrations.pagerduty.PagerDutyAccepted;
import dev.dialtone.integrations.pagerduty.PagerDutyClient;
import dev.dialtone.integrations.pagerduty.PagerDutyDeliveryException;
import dev.dialtone.integrations.pagerduty.PagerDutyEvent;
import dev.dialtone.integrations.pagerduty.PagerDutyEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * Delivers notifications to PagerDuty targets: a page is a {@code trigger}, an acknowledgement or resolution in
 * Dialtone an {@code acknowledge} or {@code resolve} of the same alert. Retried with backoff on 429, 5xx and
 * timeouts; an event PagerDuty rejects as invalid (400) is recorded and not retried, since it never will succeed.
 */
@Configuration(proxyBeanMethods = false)
public class PagerDutyDelivery {

    public static final String TASK = "pagerduty-delivery";

    @Bean
    public PagerDutyEvents pagerDutyEvents(DialtoneProperties properties) {
        return new PagerDutyClient(properties.pagerduty().eventsUrl().toString(), Duration.ofSeconds(3),
                Duration.ofSeconds(10));
    }

    @Bean
    public CustomTask<String> pagerDutyDeliveryTask(PagerDutyEvents pagerDuty, ObjectMapper mapper,
                                                    IncidentHistory history, ConfigurationRegistry registry,
                                                    RunbookLinks runbooks, DialtoneProperties properties,
                                                    JdbcTemplate jdbc, ObjectProvider<CommandGateway> commands,
                                                    MeterRegistry meters) {
        NotificationOutcomes outcomes = new NotificationOutcomes(commands, meters, "pagerduty");
        DeliveryOrder order = new DeliveryOrder(jdbc);
        String base = properties.publicBaseUrl().toString().replaceAll("/+$", "");
        Clock clock = Clock.systemUTC();
        return Tasks.custom(TASK, String.class)
                .onFailure(new BackoffFailureHandler<>())
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    DeliveryJobs.TargetJob job = DeliveryJobs.read(mapper, instance.getData(),
                            DeliveryJobs.TargetJob.class);
                    if (order.earlierPending(TASK, job.notificationId())) {
                        return DeliveryOrder.defer();
                    }
                    int attempt = context.getExecution().consecutiveFailures + 1;
                    IncidentSnapshot incident = history.snapshot(job.incidentId()).orElseThrow(() ->
                            new IllegalStateException("incident " + job.incidentId() + " has no events"));
                    Optional<RegisteredAgent> agent = registry.findAgent(new AgentId(incident.agentId()));
                    ZoneId zone = agent.map(a -> a.configuration().timezone()).orElse(ZoneOffset.UTC);
                    PagerDutyEvent event = PagerDutyPages.event(NotificationType.valueOf(job.type()), job.address(),
                            incident, zone, agent.map(a -> a.configuration().name()).orElse(null),
                            runbooks.url(incident.agentId(), incident.incidentId(), incident.runbookId()),
                            base + "/api/v1/incidents/" + incident.incidentId(), clock.instant());
                    try {
                        PagerDutyAccepted accepted = pagerDuty.send(event);
                        outcomes.delivered(job.incidentId(), job.notificationId(), attempt, "PagerDuty "
                                + event.action().name().toLowerCase(Locale.ROOT) + ": " + accepted.message()
                                + " (dedup_key " + event.dedupKey() + ")");
                    } catch (PagerDutyDeliveryException e) {
                        if (!e.retryable()) {
                            outcomes.gaveUp(job.incidentId(), job.notificationId(), attempt, e.getMessage());
                            return new CompletionHandler.OnCompleteRemove<>();
                        }
                        throw outcomes.retrying(job.incidentId(), job.notificationId(), attempt, e.getMessage(),
                                e.retryAfter());
                    }
                    return new CompletionHandler.OnCompleteRemove<>();
                });
    }
}
