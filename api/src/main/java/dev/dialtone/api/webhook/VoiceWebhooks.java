package dev.dialtone.api.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialtone.api.registry.RegisteredAgent;
import dev.dialtone.api.web.ApiException;
import dev.dialtone.domain.agent.api.VoicePlatform;
import dev.dialtone.domain.signal.api.AgentSignal;
import dev.dialtone.domain.signal.api.CallOutcomeRecordedEvent;
import dev.dialtone.domain.signal.api.HealthCheckRecordedEvent;
import dev.dialtone.integrations.voice.ElevenLabsSignature;
import dev.dialtone.integrations.voice.ElevenLabsWebhook;
import dev.dialtone.integrations.voice.PlatformCall;
import dev.dialtone.integrations.voice.PlatformHealth;
import dev.dialtone.integrations.voice.PlatformSignal;
import dev.dialtone.integrations.voice.RetellSignature;
import dev.dialtone.integrations.voice.RetellWebhook;
import dev.dialtone.integrations.voice.TwilioSignature;
import dev.dialtone.integrations.voice.TwilioStatusCallback;
import dev.dialtone.integrations.voice.VapiAuthentication;
import dev.dialtone.integrations.voice.VapiServerMessage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One platform webhook, start to end: check it came from the platform (with the agent's secret for it), read it,
 * and turn it into the signal Dialtone records. Parsing, reason tables and signature schemes live in
 * {@code dev.dialtone.integrations.voice} (documented in integrations/MAPPINGS.md); this class only joins them to an
 * agent.
 */
@Component
public class VoiceWebhooks {

    private final ObjectMapper mapper;

    public VoiceWebhooks(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A verified request, as received. */
    public record Request(VoicePlatform platform, RegisteredAgent agent, String publicUrl, String method,
                          Map<String, String> headers, byte[] body, Instant receivedAt) {
    }

    /** What a verified webhook said: a signal to record, or nothing Dialtone keeps (progress, other events). */
    public record Outcome(Optional<PlatformSignal> signal, String ignored) {
    }

    /** Whether the request carries a valid signature (or secret) made with the agent's secret for the platform. */
    public boolean authentic(Request request) {
        String secret = request.agent().configuration().webhookSecrets().get(request.platform());
        if (secret == null || secret.isEmpty()) {
            return false;
        }
        return switch (request.platform()) {
            case TWILIO -> TwilioSignature.verify(secret, request.publicUrl(), form(request.body()),
                    header(request, TwilioSignature.HEADER));
            case VAPI -> VapiAuthentication.verify(secret, request.method(), request.publicUrl(), request.headers(),
                    request.body(), request.receivedAt());
            case RETELL -> RetellSignature.verify(secret, request.body(), header(request, RetellSignature.HEADER),
                    request.receivedAt());
            case ELEVENLABS -> ElevenLabsSignature.verify(secret, request.body(),
                    header(request, ElevenLabsSignature.HEADER), request.receivedAt());
        };
    }

    /** Reads a verified request; a body that is not the platform's format is a 400. */
    public Outcome read(Request request) {
        Optional<? extends PlatformSignal> signal = switch (request.platform()) {
            case TWILIO -> TwilioStatusCallback.parse(form(request.body()), request.receivedAt());
            case VAPI -> VapiServerMessage.parse(json(request.body()), request.receivedAt());
            case RETELL -> RetellWebhook.parse(json(request.body()), request.receivedAt());
            case ELEVENLABS -> ElevenLabsWebhook.parse(json(request.body()), request.receivedAt());
        };
        return new Outcome(signal.map(PlatformSignal.class::cast),
                signal.isPresent() ? null : "not a finished call or health observation; nothing to record");
    }

    /**
     * The signal as Dialtone records it, owned by the agent's tenant. Its id is the platform's own (prefixed with
     * the platform), so a retried webhook is a duplicate and Retell's two events for one call count once.
     */
    public static AgentSignal toSignal(RegisteredAgent agent, PlatformSignal signal) {
        String source = signal.platform().key();
        if (signal instanceof PlatformCall call) {
            return new CallOutcomeRecordedEvent(source + ":" + call.sourceId(), agent.tenant(), agent.agentId(),
                    call.callId(), call.occurredAt(), call.direction(), call.outcome(), call.durationSeconds(),
                    call.rawReason(), source);
        }
        PlatformHealth health = (PlatformHealth) signal;
        return new HealthCheckRecordedEvent(source + ":" + health.sourceId(), agent.tenant(), agent.agentId(),
                health.check(), health.occurredAt(), health.status(), null, health.detail(), source);
    }

    private static String header(Request request, String name) {
        return request.headers().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private JsonNode json(byte[] body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "the body could not be read");
        }
    }

    /** {@code application/x-www-form-urlencoded}, first value of each name (Twilio sends each once). */
    static Map<String, String> form(byte[] body) {
        Map<String, String> params = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return params;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.putIfAbsent(name, value);
            } catch (IllegalArgumentException badEscape) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "the form body has a malformed %-escape");
            }
        }
        return params;
    }
}
