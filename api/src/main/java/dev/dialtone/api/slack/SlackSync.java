package dev.dialtone.api.slack;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import dev.dialtone.api.config.DialtoneProperties;
import dev.dialtone.api.delivery.Backoff;
import dev.dialtone.api.delivery.DeliveryFailed;
import dev.dialtone.api.incident.IncidentHistory;
import dev.dialtone.api.registry.ConfigurationRegistry;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.escalation.api.EscalationLevel;
import dev.dialtone.domain.escalation.api.EscalationPolicyId;
import dev.dialtone.domain.escalation.api.NotificationTarget;
import dev.dialtone.domain.escalation.api.TargetType;
import dev.dialtone.domain.incident.IncidentSnapshot;
import dev.dialtone.domain.incident.api.IncidentId;
import dev.dialtone.domain.incident.api.RecordIntegrationProblemCommand;
import dev.dialtone.domain.incident.api.RecordSlackChannelCommand;
import dev.dialtone.domain.incident.api.TimelineEntry;
import dev.dialtone.integrations.slack.ChannelNames;
import dev.dialtone.integrations.slack.SlackApi;
import dev.dialtone.integrations.slack.SlackApiFailure;
import dev.dialtone.integrations.slack.SlackChannel;
import dev.dialtone.integrations.slack.SlackMessage;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Brings Slack up to date with one incident: opens its channel {@code inc-<yyyymmdd>-<agent>-<n>} (inviting the
 * configured responders and the Slack users of the agent's policies) and posts the card there, posts every timeline
 * step not yet posted, and updates every card when what it shows has changed. Scheduled for each incident event (see
 * {@link SlackOutbox}); whatever run gets the incident's lock does all that is missing, the others find nothing to do.
 * <p>
 * Progress is saved after each message, so a failure or crash repeats at most the one message in flight.
 */
@Component
public class SlackSync {

    private static final Logger log = LoggerFactory.getLogger(SlackSync.class);
    private static final java.time.Duration BUSY = java.time.Duration.ofSeconds(2);

    private final SlackApi slack;
    private final SlackConversations conversations;
    private final SlackCards cards;
    private final IncidentHistory history;
    private final ConfigurationRegistry registry;
    private final DialtoneProperties.Slack settings;
    private final ObjectProvider<CommandGateway> commands;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    public SlackSync(SlackApi slack, SlackConversations conversations, SlackCards cards, IncidentHistory history,
                     ConfigurationRegistry registry, DialtoneProperties properties,
                     ObjectProvider<CommandGateway> commands, MeterRegistry meters) {
        this.slack = slack;
        this.conversations = conversations;
        this.cards = cards;
        this.history = history;
        this.registry = registry;
        this.settings = properties.slack();
        this.commands = commands;
        this.meters = meters;
    }

    /** One run for the incident; {@code attempt} counts consecutive failures of this task instance. */
    CompletionHandler<String> run(String incidentId, int attempt) {
        if (!settings.botConfigured()) {
            return new CompletionHandler.OnCompleteRemove<>();
        }
        Boolean done = conversations.withLock(incidentId, () -> {
            try {
                sync(incidentId);
                meters.counter("dialtone.slack.sync", "outcome", "done").increment();
                return true;
            } catch (SlackApiFailure e) {
                return failed(incidentId, attempt, e);
            }
        });
        if (done == null) {
            return (complete, operations) -> operations.reschedule(complete, clock.instant().plus(BUSY));
        }
        return new CompletionHandler.OnCompleteRemove<>();
    }

    private void sync(String incidentId) {
        List<Object> events = history.events(incidentId);
        IncidentSnapshot incident = IncidentSnapshot.of(events).orElse(null);
        if (incident == null) {
            return;
        }
        SlackConversations.Conversation conversation = conversations.get(incidentId);
        String channel = conversation.channelId();
        if (channel == null && settings.incidentChannels() && !conversation.gaveUp()) {
            channel = openChannel(incident);
        }
        ZoneId zone = cards.zone(incident.agentId());
        if (channel != null && !conversation.gaveUp()) {
            List<TimelineEntry> steps = SlackCards.steps(events);
            for (int i = conversation.stepsPosted(); i < steps.size(); i++) {
                slack.post(channel, cards.step(incidentId, zone, steps.get(i)));
                conversations.stepsPosted(incidentId, i + 1);
            }
        }
        SlackMessage card = cards.card(incident);
        String digest = digest(card);
        if (!digest.equals(conversations.get(incidentId).cardDigest())) {
            for (SlackConversations.Card posted : conversations.cards(incidentId)) {
                try {
                    slack.update(posted.channelId(), posted.ts(), card);
                } catch (SlackApiFailure e) {
                    if (e.retryable()) {
                        throw e;
                    }
                    log.info("Slack card {} in {} of incident {} cannot be updated ({}); forgetting it", posted.ts(),
                            posted.channelId(), incidentId, e.error());
                    conversations.cardGone(incidentId, posted);
                }
            }
            conversations.cardsCurrent(incidentId, digest);
        }
    }

    private String openChannel(IncidentSnapshot incident) {
        String name = ChannelNames.forIncident(incident.openedAt().atZone(cards.zone(incident.agentId()))
                .toLocalDate(), incident.agentId(), incident.number());
        SlackChannel channel = slack.openChannel(name);
        slack.invite(channel.id(), invitees(incident.agentId()));
        conversations.channelOpened(incident.incidentId(), channel.id(), channel.name());
        var posted = slack.post(channel.id(), cards.card(incident));
        conversations.cardPosted(incident.incidentId(), posted.channel(), posted.ts());
        commands.getObject().send(new RecordSlackChannelCommand(new IncidentId(incident.incidentId()), channel.id(),
                channel.name(), clock.instant()));
        return channel.id();
    }

    /** The configured responders and every Slack user named in the agent's policies. */
    private List<String> invitees(String agentId) {
        Set<String> users = new LinkedHashSet<>(settings.responders());
        registry.findAgent(new AgentId(agentId)).ifPresent(agent ->
                Stream.of(agent.configuration().escalationPolicyId(), agent.configuration().afterHoursPolicyId())
                        .filter(Objects::nonNull)
                        .flatMap(id -> registry.findPolicy(new EscalationPolicyId(agent.tenant(), id)).stream())
                        .flatMap(policy -> policy.definition().levels().stream())
                        .map(EscalationLevel::targets)
                        .flatMap(List::stream)
                        .filter(target -> target.type() == TargetType.SLACK)
                        .map(NotificationTarget::user)
                        .filter(Objects::nonNull)
                        .forEach(users::add));
        return List.copyOf(users);
    }

    private Boolean failed(String incidentId, int attempt, SlackApiFailure e) {
        meters.counter("dialtone.slack.sync", "outcome", e.retryable() ? "retrying" : "failed").increment();
        String error = "Slack " + e.error() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        Instant now = clock.instant();
        if (!e.retryable()) {
            conversations.giveUp(incidentId);
            record(incidentId, error, null, now);
            return true;
        }
        Instant next = now.plus(Backoff.delay(attempt, "slack:" + incidentId, e.retryAfter()));
        if (Backoff.worthRecording(attempt)) {
            record(incidentId, error, next, now);
        }
        throw new DeliveryFailed("Slack sync of " + incidentId + ": " + error, next);
    }

    private void record(String incidentId, String error, Instant next, Instant now) {
        commands.getObject().send(new RecordIntegrationProblemCommand(new IncidentId(incidentId),
                SlackCards.SLACK, error, next, now));
    }

    private static String digest(SlackMessage message) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(message.text()).getBytes(StandardCharsets.UTF_8));
            sha.update(String.valueOf(message.blocks()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
