package dev.dialtone.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;

/** Builds RFC 9457 problem details the same way everywhere, including outside controllers (security, filters). */
public final class Problems {

    public static final String TYPE_BASE = "https://dialtone.dev/problems/";
    /** Keeps an answer to a badly broken batch readable; the count of the rest is reported. */
    static final int MAX_LISTED_ERRORS = 100;

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        return problem;
    }

    public static ProblemDetail invalid(List<FieldError> errors, String detail) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-request", detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors.size() <= MAX_LISTED_ERRORS ? errors
                : errors.subList(0, MAX_LISTED_ERRORS));
        if (errors.size() > MAX_LISTED_ERRORS) {
            problem.setProperty("moreErrors", errors.size() - MAX_LISTED_ERRORS);
        }
        return problem;
    }

    /** Writes a problem straight to the response, for code that runs before any controller. */
    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, ObjectMapper mapper) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            body = ("{\"status\":" + problem.getStatus() + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
