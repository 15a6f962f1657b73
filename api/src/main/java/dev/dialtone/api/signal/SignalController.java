package dev.dialtone.api.signal;

import dev.dialtone.api.security.Caller;
import dev.dialtone.api.web.ApiException;
import dev.dialtone.api.web.Blocking;
import dev.dialtone.api.web.InvalidRequestException;
import dev.dialtone.api.web.JsonBodies;
import dev.dialtone.api.web.OverloadedException;
import dev.dialtone.domain.signal.api.SignalKind;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Arrays;

/** {@code POST /api/v1/signals/{calls|health-checks|failover-actions}}: answered 202 once durably stored. */
@RestController
@RequestMapping("/api/v1/signals")
public class SignalController {

    private final SignalIngestion ingestion;
    private final JsonBodies bodies;
    private final IngestMetrics metrics;
    private final IngestGate gate;
    private final Clock clock = Clock.systemUTC();

    public SignalController(SignalIngestion ingestion, JsonBodies bodies, IngestMetrics metrics, IngestGate gate) {
        this.ingestion = ingestion;
        this.bodies = bodies;
        this.metrics = metrics;
        this.gate = gate;
    }

    @PostMapping("/{kind}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<IngestResult> ingest(@PathVariable String kind, @AuthenticationPrincipal Caller caller,
                                     ServerWebExchange exchange) {
        SignalKind signalKind = Arrays.stream(SignalKind.values())
                .filter(k -> k.path().equals(kind))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("no signal kind '" + kind
                        + "'; use calls, health-checks or failover-actions"));
        return Mono.fromRunnable(gate::enter)
                .then(bodies.read(exchange.getRequest())
                        .flatMap(json -> Blocking.call(() -> {
                            SignalBatch batch = SignalRequests.parse(signalKind, caller.tenant(), json,
                                    clock.instant());
                            ingestion.checkAgents(caller.tenant(), batch);
                            return ingestion.ingest(batch.validSignals());
                        }))
                        .doFinally(signal -> gate.leave()))
                .doOnNext(result -> metrics.recorded(signalKind, result))
                .doOnError(e -> metrics.rejected(signalKind, reason(e)));
    }

    private static String reason(Throwable e) {
        if (e instanceof InvalidRequestException invalid) {
            return invalid.errors().stream().anyMatch(err -> err.field().endsWith("agentId")
                    && err.message().startsWith("unknown agent")) ? "unknown-agent" : "invalid";
        }
        if (e instanceof OverloadedException) {
            return "overloaded";
        }
        if (e instanceof ApiException api) {
            return switch (api.status()) {
                case PAYLOAD_TOO_LARGE -> "too-large";
                case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
                default -> "malformed";
            };
        }
        return "error";
    }
}
