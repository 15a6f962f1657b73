package dev.dialtone.api;

import dev.dialtone.api.support.IntegrationTestBase;
import dev.dialtone.api.support.Payloads;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.dialtone.api.support.TestKeys.JONES_OPERATOR;
import static dev.dialtone.api.support.TestKeys.SMITH_OPERATOR;
import static dev.dialtone.api.support.TestKeys.SMITH_READER;
import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationIntegrationTest extends IntegrationTestBase {

    @Test
    void aPolicyAndAnAgentAreCreatedThenReadBackAtOnce() {
        put(SMITH_OPERATOR, "/api/v1/escalation-policies/front-desk", Payloads.policy())
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.levels[1].targets[1].url").isEqualTo("https://example.test/hook");
        put(SMITH_OPERATOR, "/api/v1/agents/smith-law-intake", Payloads.agent("Smith Law intake line", "front-desk"))
                .expectStatus().isCreated();

        get(SMITH_READER, "/api/v1/agents/smith-law-intake").expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("Smith Law intake line")
                .jsonPath("$.timezone").isEqualTo("America/Los_Angeles")
                .jsonPath("$.businessHours.MONDAY[0]").isEqualTo("08:00-18:00")
                .jsonPath("$.escalationPolicyId").isEqualTo("front-desk")
                .jsonPath("$.detection.silence").isEqualTo("PT30M")
                .jsonPath("$.failover.secret").isEqualTo("********")
                .jsonPath("$.webhookSecrets.twilio").isEqualTo("********")
                .jsonPath("$.status.calls.inbound").isEqualTo(0);
        get(SMITH_READER, "/api/v1/escalation-policies").expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.policyId == 'front-desk')].name").isEqualTo("Front desk");
    }

    @Test
    void reconfiguringBumpsTheVersionAndAnIdenticalPutChangesNothing() {
        put(SMITH_OPERATOR, "/api/v1/agents/versioned", Payloads.agent("First", null)).expectStatus().isCreated();
        put(SMITH_OPERATOR, "/api/v1/agents/versioned", Payloads.agent("Second", null))
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
        put(SMITH_OPERATOR, "/api/v1/agents/versioned", Payloads.agent("Second", null))
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
    }

    @Test
    void everyMistakeInAnAgentIsNamed() {
        String body = """
                {"name": " ", "phoneNumbers": ["555-1234"], "sloTarget": 100, "timezone": "Mars/Olympus_Mons",
                 "businessHours": {"MONDAY": ["18:00-08:00"], "FUNDAY": ["09:00-10:00"],
                                   "TUESDAY": ["08:00-12:00", "11:00-13:00"]},
                 "escalationPolicyId": "no-such-policy", "callSuccessTarget": 0,
                 "failover": {"url": "ftp://backup"},
                 "detection": {"silence": "PT0S", "reopenWindow": "soon", "badCallsToOpen": 0,
                               "baselineBadRate": 0.2, "degradedBadRate": 0.1},
                 "webhookSecrets": {"skype": "x"}, "colour": "red"}
                """;
        put(SMITH_OPERATOR, "/api/v1/agents/broken", body)
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields)
                        .containsExactlyInAnyOrder("colour", "name", "phoneNumbers[0]", "sloTarget", "timezone",
                                "businessHours.MONDAY[0]", "businessHours.FUNDAY", "businessHours.TUESDAY[1]",
                                "failover.url", "callSuccessTarget", "detection.badCallsToOpen",
                                "detection.degradedBadRate", "detection.silence", "detection.reopenWindow",
                                "webhookSecrets.skype"));
        get(SMITH_READER, "/api/v1/agents/broken").expectStatus().isNotFound();
    }

    @Test
    void anUnknownPolicyIsNamed() {
        put(SMITH_OPERATOR, "/api/v1/agents/orphan", Payloads.agent("Orphan", "missing-policy"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("escalationPolicyId");
    }

    @Test
    void policyLimitsAreEnforcedWithFieldNames() {
        String level = "{\"ackTimeout\": \"PT1M\", \"targets\": [{\"type\": \"slack\", \"channel\": \"C1\"}]}";
        String eleven = String.join(",", java.util.Collections.nCopies(11, level));
        put(SMITH_OPERATOR, "/api/v1/escalation-policies/too-tall", "{\"name\": \"x\", \"levels\": [" + eleven + "]}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("levels");
        put(SMITH_OPERATOR, "/api/v1/escalation-policies/bad-levels", """
                {"name": "x", "repeat": 10, "levels": [
                  {"ackTimeout": "-PT1M", "targets": [{"type": "pager"}]},
                  {"ackTimeout": "PT1M", "targets": [{"type": "webhook", "url": "example.test/hook"}]},
                  {"targets": []}]}
                """)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields)
                        .containsExactlyInAnyOrder("repeat", "levels[0].ackTimeout", "levels[0].targets[0].type",
                                "levels[1].targets[0].url", "levels[2].ackTimeout", "levels[2].targets"));
    }

    @Test
    void anotherTenantsAgentIsInvisibleAndItsIdCannotBeTaken() {
        put(SMITH_OPERATOR, "/api/v1/agents/private-line", Payloads.agent("Private", null)).expectStatus().isCreated();

        get(JONES_OPERATOR, "/api/v1/agents/private-line").expectStatus().isNotFound();
        get(JONES_OPERATOR, "/api/v1/agents").expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.agentId == 'private-line')]").doesNotExist();
        post(JONES_OPERATOR, "/api/v1/signals/calls",
                Payloads.call("jones-1", "private-line", "2026-11-25T03:12:00Z", "ANSWERED"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("agentId");
        put(JONES_OPERATOR, "/api/v1/agents/private-line", Payloads.agent("Mine now", null))
                .expectStatus().isEqualTo(409);
        get(SMITH_READER, "/api/v1/agents/private-line").expectBody().jsonPath("$.name").isEqualTo("Private");
    }

    @Test
    void policiesAreNamedPerTenant() {
        put(SMITH_OPERATOR, "/api/v1/escalation-policies/on-call", Payloads.policy()).expectStatus().isCreated();
        put(JONES_OPERATOR, "/api/v1/escalation-policies/on-call", Payloads.policy()).expectStatus().isCreated();
        get(JONES_OPERATOR, "/api/v1/escalation-policies/on-call").expectBody().jsonPath("$.tenant")
                .isEqualTo("jones-clinic");
    }
}
