package dev.dialtone.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class OverloadProblemTest {

    @Test
    void anOverloadIsA503WithRetryAfterAndAProblemNotAnError() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ProblemExceptionHandler handler = new ProblemExceptionHandler(new ObjectMapper(), meters);
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/signals/calls"));

        handler.handle(exchange, new OverloadedException("busy", Duration.ofSeconds(2))).block();

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(503);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("overloaded", "busy");
        assertThat(meters.find("dialtone.http.unexpected.errors").counter()).isNull();
        assertThat(meters.get("dialtone.http.refused").counter().count()).isEqualTo(1.0);
    }
}
