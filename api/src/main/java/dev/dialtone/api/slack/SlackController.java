package dev.dialtone.api.slack;

import dev.dialtone.api.config.DialtoneProperties;
import dev.dialtone.api.web.ApiException;
import dev.dialtone.api.web.RawBodies;
import dev.dialtone.domain.tenancy.TenantId;
import dev.dialtone.integrations.slack.DialtoneCommand;
import dev.dialtone.integrations.slack.MalformedSlackRequestException;
import dev.dialtone.integrations.slack.SlackApi;
import dev.dialtone.integrations.slack.SlackInteraction;
import dev.dialtone.integrations.slack.SlackMessage;
import dev.dialtone.integrations.slack.SlackRequestVerifier;
import dev.dialtone.integrations.slack.SlashCommandRequest;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code POST /slack/commands} ({@code /dialtone ...}) and {@code POST /slack/interactivity} (the card's buttons).
 * Both check Slack's v0 signature on the raw body (5 minutes' tolerance) and answer at once, well inside Slack's 3
 * seconds; the work runs afterwards and its result goes to the request's {@code response_url}. The Slack user is the
 * actor on the incident's timeline ({@code slack:<username>}). The workspace acts for one tenant,
 * {@code dialtone.slack.tenant}.
 */
@RestController
public class SlackController {

    static final int MAX_BYTES = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(SlackController.class);

    private final SlackCommands commands;
    private final SlackApi slack;
    private final DialtoneProperties.Slack settings;
    private final SlackRequestVerifier verifier;
    private final MeterRegistry meters;

    public SlackController(SlackCommands commands, SlackApi slack, DialtoneProperties properties,
                           MeterRegistry meters) {
        this.commands = commands;
        this.slack = slack;
        this.settings = properties.slack();
        this.verifier = settings.signingSecret() == null || settings.signingSecret().isBlank() ? null
                : new SlackRequestVerifier(settings.signingSecret(), Clock.systemUTC());
        this.meters = meters;
    }

    @PostMapping("/slack/commands")
    public Mono<Map<String, Object>> command(ServerWebExchange exchange) {
        return verified(exchange.getRequest()).map(body -> {
            SlashCommandRequest request = SlashCommandRequest.parse(body);
            DialtoneCommand command = DialtoneCommand.parse(request.text());
            TenantId tenant = tenant();
            if (tenant == null) {
                return ephemeral(notConfigured());
            }
            count("command", "accepted");
            if (command instanceof DialtoneCommand.Help) {
                return ephemeral(commands.run(tenant, command, actor(request.userName(), request.userId())).text());
            }
            later(request.responseUrl(), () -> commands.run(tenant, command,
                    actor(request.userName(), request.userId())));
            return ephemeral("Working on `" + request.command() + " " + request.text() + "`...");
        }).onErrorMap(MalformedSlackRequestException.class, this::malformed);
    }

    @PostMapping("/slack/interactivity")
    public Mono<Map<String, Object>> interaction(ServerWebExchange exchange) {
        return verified(exchange.getRequest()).map(body -> {
            SlackInteraction interaction = SlackInteraction.parse(body);
            TenantId tenant = tenant();
            if (tenant == null) {
                return ephemeral(notConfigured());
            }
            count("interaction", "accepted");
            later(interaction.responseUrl(), () -> commands.button(tenant, interaction.actionId(),
                    interaction.value(), actor(interaction.userName(), interaction.userId())));
            return Map.<String, Object>of();
        }).onErrorMap(MalformedSlackRequestException.class, this::malformed);
    }

    private Mono<String> verified(ServerHttpRequest request) {
        String timestamp = request.getHeaders().getFirst("X-Slack-Request-Timestamp");
        String signature = request.getHeaders().getFirst("X-Slack-Signature");
        Supplier<ApiException> tooLarge = () -> new ApiException(HttpStatus.PAYLOAD_TOO_LARGE,
                "a Slack request is never larger than 64 KiB");
        return RawBodies.read(request, MAX_BYTES, tooLarge).map(bytes -> {
            String body = new String(bytes, StandardCharsets.UTF_8);
            if (verifier == null) {
                count("request", "unauthorized");
                throw new ApiException(HttpStatus.UNAUTHORIZED, "Slack requests are not set up here: configure "
                        + "dialtone.slack.signing-secret with the Slack app's signing secret");
            }
            if (!verifier.verify(timestamp, signature, body)) {
                count("request", "unauthorized");
                throw new ApiException(HttpStatus.UNAUTHORIZED, "X-Slack-Signature does not match this body and "
                        + "X-Slack-Request-Timestamp (wrong signing secret, changed body, or older than 5 minutes)");
            }
            return body;
        });
    }

    /** Runs the work after the answer has gone, and sends its result to Slack's response URL. */
    private void later(String responseUrl, Supplier<SlackCommands.Answer> work) {
        Mono.fromRunnable(() -> {
                    SlackCommands.Answer answer;
                    try {
                        answer = work.get();
                    } catch (RuntimeException e) {
                        log.warn("A Slack request failed", e);
                        answer = new SlackCommands.Answer(":warning: That did not work: " + e.getMessage(), false);
                    }
                    if (responseUrl != null) {
                        slack.respond(responseUrl, new SlackMessage(answer.text(), List.of()), answer.inChannel(),
                                false);
                    }
                })
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(done -> { }, error -> log.warn("Could not answer Slack at its response_url: {}",
                        error.toString()));
    }

    private TenantId tenant() {
        return settings.tenant() == null || settings.tenant().isBlank() ? null : new TenantId(settings.tenant());
    }

    private static String notConfigured() {
        return "Dialtone does not know which tenant this workspace belongs to: configure dialtone.slack.tenant.";
    }

    private static String actor(String userName, String userId) {
        return "slack:" + (userName == null || userName.isBlank() ? userId : userName);
    }

    private static Map<String, Object> ephemeral(String text) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("response_type", "ephemeral");
        answer.put("text", text);
        return answer;
    }

    private ApiException malformed(MalformedSlackRequestException e) {
        count("request", "malformed");
        return new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private void count(String kind, String result) {
        meters.counter("dialtone.slack.requests", "kind", kind, "result", result).increment();
    }
}
