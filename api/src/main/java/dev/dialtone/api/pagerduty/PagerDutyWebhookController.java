package dev.dialtone.api.pagerduty;

import dev.dialtone.api.config.DialtoneProperties;
import dev.dialtone.api.incident.IncidentActions;
import dev.dialtone.api.web.ApiException;
import dev.dialtone.api.web.Blocking;
import dev.dialtone.api.web.RawBodies;
import dev.dialtone.domain.incident.api.IncidentId;
import dev.dialtone.integrations.pagerduty.MalformedPagerDutyWebhookException;
import dev.dialtone.integrations.pagerduty.PagerDutyIncidentChange;
import dev.dialtone.integrations.pagerduty.PagerDutyWebhookSignature;
import dev.dialtone.integrations.pagerduty.PagerDutyWebhooks;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /webhooks/pagerduty}: PagerDuty's v3 webhooks keep Dialtone in step with what responders do there. An
 * {@code incident.acknowledged} or {@code incident.resolved} for one of Dialtone's alerts (dedup key
 * {@code dialtone/<incidentId>}) acknowledges or resolves the incident, with the PagerDuty user as the actor. Anything
 * else, and an incident already in that state, is answered 200 and left alone, so PagerDuty does not retry it.
 */
@RestController
public class PagerDutyWebhookController {

    static final int MAX_BYTES = 1024 * 1024;
    static final String SIGNATURE = "X-PagerDuty-Signature";

    private final IncidentActions actions;
    private final String secret;
    private final MeterRegistry meters;

    public PagerDutyWebhookController(IncidentActions actions, DialtoneProperties properties, MeterRegistry meters) {
        this.actions = actions;
        this.secret = properties.pagerduty().webhookSecret();
        this.meters = meters;
    }

    @PostMapping("/webhooks/pagerduty")
    public Mono<Map<String, Object>> receive(ServerWebExchange exchange) {
        String signature = exchange.getRequest().getHeaders().getFirst(SIGNATURE);
        return RawBodies.read(exchange.getRequest(), MAX_BYTES, () -> new ApiException(HttpStatus.PAYLOAD_TOO_LARGE,
                        "a PagerDuty webhook is never larger than 1 MiB"))
                .flatMap(body -> Blocking.call(() -> {
                    if (secret == null || secret.isBlank()) {
                        count("unauthorized");
                        throw new ApiException(HttpStatus.UNAUTHORIZED, "PagerDuty webhooks are not set up here: "
                                + "configure dialtone.pagerduty.webhook-secret with the subscription's secret");
                    }
                    if (!PagerDutyWebhookSignature.verify(body, signature, List.of(secret))) {
                        count("unauthorized");
                        throw new ApiException(HttpStatus.UNAUTHORIZED, "the " + SIGNATURE
                                + " header does not match this body and the configured webhook secret");
                    }
                    return handle(PagerDutyWebhooks.parse(body));
                }))
                .onErrorMap(MalformedPagerDutyWebhookException.class, e -> {
                    count("malformed");
                    return new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
                });
    }

    private Map<String, Object> handle(Optional<PagerDutyIncidentChange> parsed) {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (parsed.isEmpty()) {
            return answer("ignored", answer, "not an acknowledgement or resolution");
        }
        PagerDutyIncidentChange change = parsed.get();
        answer.put("eventType", change.eventType());
        Optional<IncidentId> incident = PagerDutyPages.incidentOf(change.incidentKey());
        if (incident.isEmpty()) {
            return answer("ignored", answer, "not an alert Dialtone raised");
        }
        IncidentId id = incident.get();
        answer.put("incidentId", id.value());
        String by = "pagerduty:" + (change.actor() == null ? "unknown" : change.actor());
        IncidentActions.Outcome outcome = change.eventType().endsWith("acknowledged")
                ? actions.acknowledge(id, null, by)
                : actions.resolve(id, null, by, "resolved in PagerDuty");
        return answer(outcome.result().name().toLowerCase(Locale.ROOT), answer, outcome.detail());
    }

    private Map<String, Object> answer(String result, Map<String, Object> answer, String detail) {
        count(result);
        answer.put("result", result);
        if (detail != null) {
            answer.put("detail", detail);
        }
        return answer;
    }

    private void count(String result) {
        meters.counter("dialtone.webhooks.received", "platform", "pagerduty", "result", result).increment();
    }
}
