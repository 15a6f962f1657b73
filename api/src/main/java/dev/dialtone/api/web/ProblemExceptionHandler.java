package dev.dialtone.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialtone.domain.ConflictException;
import dev.dialtone.domain.agent.api.UnknownAgentException;
import dev.dialtone.domain.agent.api.UnknownMaintenanceWindowException;
import dev.dialtone.domain.agent.api.UnknownProbeException;
import dev.dialtone.domain.incident.api.IncidentNotFoundException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import reactor.core.publisher.Mono;

/**
 * Turns every failure, from a controller or from the framework (unknown route, wrong method), into an RFC 9457
 * problem. Anything unexpected becomes a 500 without internals, and is logged and counted: a 5xx is a bug here.
 */
@Component
@Order(-2) // before Spring Boot's own error handler
public class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ObjectMapper mapper;
    private final MeterRegistry meters;

    public ProblemExceptionHandler(ObjectMapper mapper, MeterRegistry meters) {
        this.mapper = mapper;
        this.meters = meters;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        return Problems.write(exchange, toProblem(exchange, error), mapper);
    }

    ProblemDetail toProblem(ServerWebExchange exchange, Throwable error) {
        if (error instanceof InvalidRequestException invalid) {
            return Problems.invalid(invalid.errors(), invalid.getMessage());
        }
        if (error instanceof ApiException api) {
            return Problems.of(api.status(), slug(api.status()), api.getMessage());
        }
        if (error instanceof OverloadedException overloaded) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, overloaded.retryAfter().toSeconds())));
            meters.counter("dialtone.http.refused", "reason", "overloaded").increment();
            return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", overloaded.getMessage());
        }
        if (error instanceof UnknownAgentException || error instanceof UnknownMaintenanceWindowException
                || error instanceof UnknownProbeException
                || error instanceof IncidentNotFoundException) {
            return Problems.of(HttpStatus.NOT_FOUND, "not-found", error.getMessage());
        }
        if (error instanceof AggregateNotFoundException missing) {
            return Problems.of(HttpStatus.NOT_FOUND, "not-found", "no such " + (missing.getMessage().contains(
                    "Incident") ? "incident" : "resource") + " '" + missing.getAggregateIdentifier() + "'");
        }
        if (error instanceof ConflictException conflict) {
            return Problems.of(HttpStatus.CONFLICT, "conflict", conflict.getMessage());
        }
        if (error instanceof ConcurrencyException) {
            return Problems.of(HttpStatus.CONFLICT, "conflict",
                    "the resource was changed by a concurrent request; retry");
        }
        if (error instanceof NoResourceFoundException) {
            return Problems.of(HttpStatus.NOT_FOUND, "not-found", "no endpoint "
                    + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value());
        }
        if (error instanceof ErrorResponse response) {
            ProblemDetail body = response.getBody();
            HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
            String detail = body.getDetail() != null ? body.getDetail()
                    : status != null ? status.getReasonPhrase() : "request failed";
            ProblemDetail problem = Problems.of(response.getStatusCode(),
                    status == null ? "error" : slug(status), detail);
            response.getHeaders().forEach((name, values) -> exchange.getResponse().getHeaders().addAll(name, values));
            return problem;
        }
        log.error("Unexpected failure handling {} {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), error);
        meters.counter("dialtone.http.unexpected.errors").increment();
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Dialtone failed to handle this request; it has been logged");
    }

    private static String slug(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
