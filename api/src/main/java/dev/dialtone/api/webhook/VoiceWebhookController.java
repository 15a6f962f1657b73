package dev.dialtone.api.webhook;

import dev.dialtone.api.agent.AgentController;
import dev.dialtone.api.config.DialtoneProperties;
import dev.dialtone.api.registry.ConfigurationRegistry;
import dev.dialtone.api.registry.RegisteredAgent;
import dev.dialtone.api.signal.IngestMetrics;
import dev.dialtone.api.signal.IngestResult;
import dev.dialtone.api.signal.SignalIngestion;
import dev.dialtone.api.web.ApiException;
import dev.dialtone.api.web.Blocking;
import dev.dialtone.api.web.RawBodies;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.VoicePlatform;
import dev.dialtone.domain.signal.api.AgentSignal;
import dev.dialtone.integrations.voice.MalformedWebhookException;
import dev.dialtone.integrations.voice.PlatformCall;
import dev.dialtone.integrations.voice.ReasonMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /webhooks/{twilio|vapi|retell|elevenlabs}/{agentId}}: a voice platform reports a finished call (or a
 * hang) straight to Dialtone. Answered 200 once the signal is durably stored (or was already); 401 when the
 * signature does not check out with the agent's secret for that platform, and then nothing is stored.
 */
@RestController
public class VoiceWebhookController {

    /** Transcripts make ElevenLabs' post-call bodies large; audio webhooks are not for Dialtone. */
    static final int MAX_BYTES = 8 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(VoiceWebhookController.class);

    private final ConfigurationRegistry registry;
    private final VoiceWebhooks webhooks;
    private final SignalIngestion ingestion;
    private final IngestMetrics ingestMetrics;
    private final WebhookMetrics metrics;
    private final String publicBaseUrl;
    private final Clock clock = Clock.systemUTC();

    public VoiceWebhookController(ConfigurationRegistry registry, VoiceWebhooks webhooks, SignalIngestion ingestion,
                                  IngestMetrics ingestMetrics, WebhookMetrics metrics,
                                  DialtoneProperties properties) {
        this.registry = registry;
        this.webhooks = webhooks;
        this.ingestion = ingestion;
        this.ingestMetrics = ingestMetrics;
        this.metrics = metrics;
        this.publicBaseUrl = properties.publicBaseUrl().toString().replaceAll("/+$", "");
    }

    @PostMapping("/webhooks/{platform}/{agentId}")
    public Mono<Map<String, Object>> receive(@PathVariable String platform, @PathVariable String agentId,
                                             ServerWebExchange exchange) {
        VoicePlatform voicePlatform = VoicePlatform.fromKey(platform).orElseThrow(() -> ApiException.notFound(
                "no webhook for '" + platform + "'; use twilio, vapi, retell or elevenlabs"));
        AgentId id = AgentController.agentId(agentId);
        Instant receivedAt = clock.instant();
        ServerHttpRequest request = exchange.getRequest();
        return RawBodies.read(request, MAX_BYTES, VoiceWebhookController::tooLarge)
                .flatMap(body -> Blocking.call(() -> {
                    RegisteredAgent agent = registry.findAgent(id).orElseThrow(() -> {
                        metrics.received(voicePlatform, "unknown-agent");
                        return AgentController.unknownAgent(agentId);
                    });
                    VoiceWebhooks.Request verified = new VoiceWebhooks.Request(voicePlatform, agent,
                            publicUrl(request), request.getMethod().name(), headers(request), body, receivedAt);
                    if (!webhooks.authentic(verified)) {
                        metrics.received(voicePlatform, "unauthorized");
                        throw unauthorized(voicePlatform, agent);
                    }
                    return record(verified);
                }))
                .onErrorMap(MalformedWebhookException.class, e -> {
                    metrics.received(voicePlatform, "malformed");
                    return new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
                });
    }

    private Map<String, Object> record(VoiceWebhooks.Request request) {
        VoiceWebhooks.Outcome outcome = webhooks.read(request);
        Map<String, Object> answer = new LinkedHashMap<>();
        if (outcome.signal().isEmpty()) {
            metrics.received(request.platform(), "ignored");
            answer.put("accepted", 0);
            answer.put("duplicates", 0);
            answer.put("ignored", outcome.ignored());
            return answer;
        }
        var signal = outcome.signal().get();
        if (signal instanceof PlatformCall call && call.match() == ReasonMatch.UNKNOWN) {
            metrics.unknownReason(request.platform());
            log.warn("{} reported a reason Dialtone does not know: '{}' (agent {}, call {}); recorded as {}",
                    request.platform().key(), call.rawReason(), request.agent().agentId(), call.callId(),
                    call.outcome());
        }
        AgentSignal recorded = VoiceWebhooks.toSignal(request.agent(), signal);
        IngestResult result = ingestion.ingest(List.of(recorded));
        ingestMetrics.recorded(recorded.kind(), result);
        metrics.received(request.platform(), result.accepted() > 0 ? "accepted" : "duplicate");
        answer.put("accepted", result.accepted());
        answer.put("duplicates", result.duplicates());
        return answer;
    }

    /** The URL the platform called, as it saw it: Dialtone's public base URL, the path and the raw query. */
    private String publicUrl(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        return publicBaseUrl + request.getURI().getRawPath() + (query == null ? "" : "?" + query);
    }

    private static Map<String, String> headers(ServerHttpRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name, values.isEmpty() ? "" : values.get(0)));
        return headers;
    }

    private static ApiException tooLarge() {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "the webhook body is larger than 8 MiB; "
                + "Dialtone needs call reports only (turn off audio webhooks for this URL)");
    }

    private static ApiException unauthorized(VoicePlatform platform, RegisteredAgent agent) {
        boolean configured = agent.configuration().webhookSecrets().containsKey(platform);
        return new ApiException(HttpStatus.UNAUTHORIZED, configured
                ? "the " + platform.key() + " signature does not match agent '" + agent.agentId()
                + "' (wrong secret, changed body, or too old)"
                : "agent '" + agent.agentId() + "' has no webhookSecrets." + platform.key()
                + "; set it with PUT /api/v1/agents/" + agent.agentId());
    }
}
