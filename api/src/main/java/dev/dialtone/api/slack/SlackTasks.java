package dev.dialtone.api.slack;

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
import dev.dialtone.domain.incident.IncidentSnapshot;
import dev.dialtone.domain.incident.api.NotificationType;
import dev.dialtone.domain.incident.api.TimelineEntry;
import dev.dialtone.integrations.slack.SlackApi;
import dev.dialtone.integrations.slack.SlackApiFailure;
import dev.dialtone.integrations.slack.SlackWebApi;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * The Slack tasks: {@code slack-delivery} posts the card to a Slack target of the ladder (or a line when the incident
 * it paged for is acknowledged or resolved); {@code slack-sync} keeps the incident's own channel and every card
 * current ({@link SlackSync}). Both run on db-scheduler's workers, never on the ladder's path, and are retried with
 * backoff, honouring Slack's {@code Retry-After}.
 */
@Configuration(proxyBeanMethods = false)
public class SlackTasks {

    public static final String DELIVERY_TASK = "slack-delivery";
    public static final String SYNC_TASK = "slack-sync";
    static final String NOT_CONFIGURED = "Slack is not configured (set dialtone.slack.bot-token)";

    @Bean
    public SlackApi slackApi(DialtoneProperties properties) {
        return new SlackWebApi(properties.slack().apiUrl().toString(),
                properties.slack().botConfigured() ? properties.slack().botToken() : "not-configured",
                Duration.ofSeconds(10));
    }

    @Bean
    public CustomTask<String> slackDeliveryTask(SlackApi slack, ObjectMapper mapper, IncidentHistory history,
                                                SlackCards cards, SlackConversations conversations,
                                                DialtoneProperties properties, JdbcTemplate jdbc,
                                                ObjectProvider<CommandGateway> commands, MeterRegistry meters) {
        NotificationOutcomes outcomes = new NotificationOutcomes(commands, meters, "slack");
        DeliveryOrder order = new DeliveryOrder(jdbc);
        Clock clock = Clock.systemUTC();
        return Tasks.custom(DELIVERY_TASK, String.class)
                .onFailure(new BackoffFailureHandler<>())
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    DeliveryJobs.TargetJob job = DeliveryJobs.read(mapper, instance.getData(),
                            DeliveryJobs.TargetJob.class);
                    int attempt = context.getExecution().consecutiveFailures + 1;
                    if (!properties.slack().botConfigured()) {
                        outcomes.gaveUp(job.incidentId(), job.notificationId(), attempt, NOT_CONFIGURED);
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    if (order.earlierPending(DELIVERY_TASK, job.notificationId())) {
                        return DeliveryOrder.defer();
                    }
                    IncidentSnapshot incident = history.snapshot(job.incidentId()).orElseThrow(() ->
                            new IllegalStateException("incident " + job.incidentId() + " has no events"));
                    NotificationType type = NotificationType.valueOf(job.type());
                    try {
                        String detail;
                        if (type == NotificationType.PAGE) {
                            var posted = slack.post(job.address(), cards.card(incident));
                            conversations.cardPosted(job.incidentId(), posted.channel(), posted.ts());
                            detail = "Slack card posted to " + job.address() + " (ts " + posted.ts() + ")";
                        } else {
                            String who = type == NotificationType.ACKNOWLEDGED ? incident.acknowledgedBy()
                                    : incident.resolvedBy();
                            TimelineEntry line = new TimelineEntry(clock.instant(),
                                    type.name().toLowerCase(Locale.ROOT), who == null ? "" : "by " + who);
                            slack.post(job.address(), cards.step(job.incidentId(), cards.zone(incident.agentId()),
                                    line));
                            detail = "Slack message posted to " + job.address();
                        }
                        outcomes.delivered(job.incidentId(), job.notificationId(), attempt, detail);
                    } catch (SlackApiFailure e) {
                        String error = "Slack " + e.error() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                        if (!e.retryable()) {
                            outcomes.gaveUp(job.incidentId(), job.notificationId(), attempt, error);
                            return new CompletionHandler.OnCompleteRemove<>();
                        }
                        throw outcomes.retrying(job.incidentId(), job.notificationId(), attempt, error,
                                e.retryAfter());
                    }
                    return new CompletionHandler.OnCompleteRemove<>();
                });
    }

    @Bean
    public CustomTask<String> slackSyncTask(SlackSync sync) {
        return Tasks.custom(SYNC_TASK, String.class)
                .onFailure(new BackoffFailureHandler<>())
                .onDeadExecutionRevive()
                .execute((instance, context) -> sync.run(instance.getData(),
                        context.getExecution().consecutiveFailures + 1));
    }
}
