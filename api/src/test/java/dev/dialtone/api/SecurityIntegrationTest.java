package dev.dialtone.api;

import dev.dialtone.api.support.IntegrationTestBase;
import dev.dialtone.api.support.Payloads;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static dev.dialtone.api.support.TestKeys.SMITH_INGEST;
import static dev.dialtone.api.support.TestKeys.SMITH_OPERATOR;
import static dev.dialtone.api.support.TestKeys.SMITH_READER;

class SecurityIntegrationTest extends IntegrationTestBase {

    @Test
    void aRequestWithoutAKeyIsUnauthorized() {
        http.get().uri("/api/v1/agents").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType("application/problem+json");
        http.post().uri("/api/v1/signals/calls").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void anUnknownKeyIsUnauthorized() {
        get("not-a-key-of-this-service-at-all", "/api/v1/agents").expectStatus().isUnauthorized();
    }

    @Test
    void eachRoleMayDoOnlyItsPart() {
        put(SMITH_OPERATOR, "/api/v1/agents/roles-line", Payloads.agent("Roles", null)).expectStatus().isCreated();

        put(SMITH_INGEST, "/api/v1/agents/roles-line", Payloads.agent("Ingest", null)).expectStatus().isForbidden();
        put(SMITH_READER, "/api/v1/agents/roles-line", Payloads.agent("Reader", null)).expectStatus().isForbidden();
        get(SMITH_INGEST, "/api/v1/agents/roles-line").expectStatus().isForbidden();
        post(SMITH_READER, "/api/v1/signals/calls",
                Payloads.call("role-1", "roles-line", "2026-11-25T03:12:00Z", "ANSWERED"))
                .expectStatus().isForbidden()
                .expectHeader().contentType("application/problem+json");

        get(SMITH_READER, "/api/v1/agents/roles-line").expectStatus().isOk();
        post(SMITH_INGEST, "/api/v1/signals/calls",
                Payloads.call("role-2", "roles-line", "2026-11-25T03:12:00Z", "ANSWERED"))
                .expectStatus().isAccepted();
        post(SMITH_OPERATOR, "/api/v1/signals/calls",
                Payloads.call("role-3", "roles-line", "2026-11-25T03:12:00Z", "ANSWERED"))
                .expectStatus().isAccepted();
    }

    @Test
    void healthAndMetricsNeedNoKey() {
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }
}
