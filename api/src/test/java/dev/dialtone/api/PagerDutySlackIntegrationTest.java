package dev.dialtone.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.dialtone.api.support.FakeIntegrations;
import dev.dialtone.api.support.IntegrationTestBase;
import dev.dialtone.integrations.pagerduty.PagerDutyWebhookSignature;
import dev.dialtone.integrations.slack.SlackRequestVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.dialtone.api.support.TestKeys.JONES_OPERATOR;
import static dev.dialtone.api.support.TestKeys.SMITH_INGEST;
import static dev.dialtone.api.support.TestKeys.SMITH_OPERATOR;
import static dev.dialtone.api.support.TestKeys.SMITH_READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PagerDuty and Slack, end to end over HTTP against fakes that speak their wire formats: an outage triggers a
 * PagerDuty alert and opens a Slack channel with a card; acknowledging in Slack and resolving in PagerDuty keep all
 * three in step; failures are retried (honouring Retry-After), a rejected event is not, and forged or stale inbound
 * requests change nothing.
 */
class PagerDutySlackIntegrationTest extends IntegrationTestBase {

    private static final AtomicInteger AGENTS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @Test
    void anOutagePagesPagerDutyRunsASlackChannelAndStaysInStepBothWays() throws Exception {
        String agent = agent();
        String routingKey = routingKey(agent);
        String targetChannel = "C0" + agent.toUpperCase().replace("-", "");
        ladder(agent, "{\"type\": \"pagerduty\", \"routingKey\": \"" + routingKey + "\"}, "
                + "{\"type\": \"slack\", \"channel\": \"" + targetChannel + "\"}");
        down(agent);
        String incident = agent + "-1";

        JsonNode trigger = awaitPagerDuty(routingKey, 1).get(0);
        assertThat(trigger.get("event_action").asText()).isEqualTo("trigger");
        assertThat(trigger.get("dedup_key").asText()).isEqualTo("dialtone/" + incident);
        assertThat(trigger.at("/payload/severity").asText()).isEqualTo("critical");
        assertThat(trigger.at("/payload/summary").asText()).contains("OUTAGE", "Intake line (" + agent + ")",
                "since", "sip-options DOWN");
        assertThat(trigger.at("/payload/source").asText()).contains(agent);
        assertThat(trigger.at("/payload/custom_details/incident").asText()).isEqualTo(incident);
        assertThat(trigger.at("/links/0/href").asText()).contains("/runbooks/outage?incident=" + incident);

        String channelName = "inc-" + LocalDate.now(LOS_ANGELES).format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                + agent + "-1";
        Map<String, String> created = awaitSlack("conversations.create", form -> channelName.equals(form.get("name")),
                1).get(0);
        String channelId = channelIdOf(channelName);
        assertThat(created.get("name")).isEqualTo(channelName);
        Map<String, String> invite = awaitSlack("conversations.invite", form -> channelId.equals(form.get("channel")),
                1).get(0);
        assertThat(invite.get("users")).contains(FakeIntegrations.SLACK_RESPONDER);
        Map<String, String> channelCard = awaitSlack("chat.postMessage",
                form -> channelId.equals(form.get("channel")) && form.getOrDefault("blocks", "").contains("dialtone_"),
                1).get(0);
        assertThat(channelCard.get("blocks")).contains("dialtone_acknowledge", "dialtone_resolve", "dialtone_escalate",
                incident);
        Map<String, String> targetCard = awaitSlack("chat.postMessage",
                form -> targetChannel.equals(form.get("channel")), 1).get(0);
        assertThat(targetCard.get("text")).contains("OUTAGE", incident);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(SMITH_READER, "/api/v1/incidents/" + incident)
                .expectBody().jsonPath("$.slackChannel.name").isEqualTo(channelName));

        // acknowledged in Slack: the user is the actor, PagerDuty is told, the cards change
        String responsePath = "/slack/respond/" + agent;
        slackCommand("ack " + incident, responsePath).expectStatus().isOk()
                .expectBody().jsonPath("$.response_type").isEqualTo("ephemeral");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(SMITH_READER, "/api/v1/incidents/" + incident)
                .expectBody().jsonPath("$.status").isEqualTo("ACKNOWLEDGED")
                .jsonPath("$.acknowledgedBy").isEqualTo("slack:jdoe"));
        JsonNode answer = awaitResponses(responsePath, 1).get(0);
        assertThat(answer.get("response_type").asText()).isEqualTo("in_channel");
        assertThat(answer.get("text").asText()).contains(incident, "acknowledged", "slack:jdoe");
        assertThat(awaitPagerDuty(routingKey, 2).get(1).get("event_action").asText()).isEqualTo("acknowledge");
        awaitSlack("chat.update", form -> channelId.equals(form.get("channel"))
                && form.getOrDefault("blocks", "").contains("slack:jdoe"), 1);
        awaitSlack("chat.update", form -> targetChannel.equals(form.get("channel"))
                && form.getOrDefault("blocks", "").contains("slack:jdoe"), 1);

        // resolved in PagerDuty: a forged webhook changes nothing, the signed one resolves
        String resolved = pagerDutyWebhook("incident.resolved", "dialtone/" + incident);
        http.post().uri("/webhooks/pagerduty").contentType(MediaType.APPLICATION_JSON)
                .header("X-PagerDuty-Signature", PagerDutyWebhookSignature.sign(resolved.getBytes(
                        StandardCharsets.UTF_8), "not-the-secret"))
                .bodyValue(resolved).exchange().expectStatus().isUnauthorized();
        get(SMITH_READER, "/api/v1/incidents/" + incident).expectBody().jsonPath("$.status").isEqualTo("ACKNOWLEDGED");
        signedPagerDuty(resolved).expectStatus().isOk().expectBody().jsonPath("$.result").isEqualTo("done");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(SMITH_READER, "/api/v1/incidents/" + incident)
                .expectBody().jsonPath("$.status").isEqualTo("RESOLVED")
                .jsonPath("$.resolvedBy").isEqualTo("pagerduty:Jane Responder"));
        signedPagerDuty(resolved).expectStatus().isOk().expectBody().jsonPath("$.result").isEqualTo("unchanged");

        List<JsonNode> events = awaitPagerDuty(routingKey, 3);
        assertThat(events).extracting(e -> e.get("event_action").asText())
                .containsExactly("trigger", "acknowledge", "resolve");
        assertThat(events).extracting(e -> e.get("dedup_key").asText()).containsOnly("dialtone/" + incident);

        // every step of the timeline reaches the channel, in order
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(slack("chat.postMessage",
                form -> channelId.equals(form.get("channel")) && !form.getOrDefault("blocks", "").contains("dialtone_"))
                .stream().map(form -> form.get("text")).toList())
                .anyMatch(text -> text.contains("opened"))
                .anyMatch(text -> text.contains("acknowledged") && text.contains("slack:jdoe"))
                .anyMatch(text -> text.contains("resolved") && text.contains("pagerduty:Jane Responder")));
        assertThat(slack("conversations.create", form -> channelName.equals(form.get("name")))).hasSize(1);
    }

    @Test
    void slackCommandsAndButtonsAreSignedScopedAndAnsweredAtTheResponseUrl() throws Exception {
        String agent = agent();
        ladder(agent, "{\"type\": \"slack\", \"user\": \"U0ONCALL\"}");
        down(agent);
        String incident = agent + "-1";
        String dm = awaitSlack("chat.postMessage", form -> "U0ONCALL".equals(form.get("channel")), 1).get(0)
                .get("text");
        assertThat(dm).contains(incident);

        String responsePath = "/slack/respond/" + agent;
        String body = commandBody("status " + agent, responsePath);
        long stale = Instant.now().minusSeconds(6 * 60).getEpochSecond();
        slackRequest("/slack/commands", body, stale, FakeIntegrations.SLACK_SIGNING_SECRET).expectStatus()
                .isUnauthorized();
        slackRequest("/slack/commands", body, Instant.now().getEpochSecond(), "wrong-secret").expectStatus()
                .isUnauthorized();
        assertThat(responses(responsePath)).isEmpty();

        slackCommand("status " + agent, responsePath).expectStatus().isOk();
        assertThat(awaitResponses(responsePath, 1).get(0).get("text").asText()).contains(agent, incident, "OUTAGE");

        slackCommand("help", responsePath).expectStatus().isOk()
                .expectBody().jsonPath("$.text").value(text -> assertThat((String) text).contains("ack", "sla"));
        slackCommand("sla " + agent, responsePath).expectStatus().isOk();
        assertThat(awaitResponses(responsePath, 2).get(1).get("text").asText()).contains(agent, "uptime");

        // the button; the same action twice changes nothing the second time
        String payload = """
                {"type": "block_actions", "team": {"id": "T0TEST"}, "user": {"id": "U0ONCALL", "username": "oncall"},
                 "response_url": "%s", "channel": {"id": "D0ONCALL"}, "container": {"message_ts": "1.2"},
                 "actions": [{"action_id": "dialtone_resolve", "value": "%s", "type": "button"}]}
                """.formatted(FakeIntegrations.baseUrl() + responsePath, incident);
        String form = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        slackRequest("/slack/interactivity", form, Instant.now().getEpochSecond(),
                FakeIntegrations.SLACK_SIGNING_SECRET).expectStatus().isOk();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(SMITH_READER, "/api/v1/incidents/" + incident)
                .expectBody().jsonPath("$.status").isEqualTo("RESOLVED")
                .jsonPath("$.resolvedBy").isEqualTo("slack:oncall"));
        assertThat(awaitResponses(responsePath, 3).get(2).get("text").asText()).contains("resolved", "slack:oncall");
        slackRequest("/slack/interactivity", form, Instant.now().getEpochSecond(),
                FakeIntegrations.SLACK_SIGNING_SECRET).expectStatus().isOk();
        assertThat(awaitResponses(responsePath, 4).get(3).get("text").asText()).contains("already resolved");

        // the workspace belongs to smith-law: another tenant's incident does not exist for it
        String other = agent();
        put(JONES_OPERATOR, "/api/v1/agents/" + other, """
                {"name": "Clinic line", "timezone": "UTC"}""").expectStatus().isCreated();
        slackCommand("status " + other, responsePath).expectStatus().isOk();
        assertThat(awaitResponses(responsePath, 5).get(4).get("text").asText()).contains("no agent");
        slackRequest("/slack/commands", "text=ack", Instant.now().getEpochSecond(),
                FakeIntegrations.SLACK_SIGNING_SECRET).expectStatus().isBadRequest();
    }

    @Test
    void failedDeliveriesAreRetriedHonouringRetryAfterAndARejectedEventIsNot() throws Exception {
        String agent = agent();
        String flaky = routingKey(agent + "f");
        String invalid = routingKey(agent + "x");
        String limited = "C0LIMITED" + AGENTS.get();
        WireMockServer fake = FakeIntegrations.server();
        String scenario = "pd-" + agent;
        fake.stubFor(WireMock.post(urlPathEqualTo("/pd/v2/enqueue")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.routing_key", containing(flaky)))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("{\"status\":\"error\"}")).willSetStateTo("limited"));
        fake.stubFor(WireMock.post(urlPathEqualTo("/pd/v2/enqueue")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.routing_key", containing(flaky)))
                .inScenario(scenario).whenScenarioStateIs("limited")
                .willReturn(aResponse().withStatus(429).withBody("{\"status\":\"throttle event\"}"))
                .willSetStateTo("open"));
        fake.stubFor(WireMock.post(urlPathEqualTo("/pd/v2/enqueue")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.routing_key", containing(invalid)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
                        "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\","
                                + "\"errors\":[\"Length of 'routing_key' is incorrect\"]}")));
        String slackScenario = "slack-" + agent;
        fake.stubFor(WireMock.post(urlPathEqualTo("/slack/api/chat.postMessage")).atPriority(1)
                .withRequestBody(containing("channel=" + limited))
                .inScenario(slackScenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")
                        .withBody("{\"ok\":false,\"error\":\"ratelimited\"}"))
                .willSetStateTo("open"));
        ladder(agent, "{\"type\": \"pagerduty\", \"routingKey\": \"" + flaky + "\"}, "
                + "{\"type\": \"pagerduty\", \"routingKey\": \"" + invalid + "\"}, "
                + "{\"type\": \"slack\", \"channel\": \"" + limited + "\"}");
        down(agent);
        String incident = agent + "-1";

        List<LoggedRequest> flakyAttempts = await().atMost(Duration.ofSeconds(40))
                .until(() -> pagerDutyRequests(flaky), list -> list.size() >= 3);
        assertThat(flakyAttempts).extracting(r -> json(r.getBodyAsString()).get("dedup_key").asText())
                .containsOnly("dialtone/" + incident);
        List<LoggedRequest> limitedAttempts = await().atMost(Duration.ofSeconds(40))
                .until(() -> slackRequests("chat.postMessage", form -> limited.equals(form.get("channel"))),
                        list -> list.size() >= 2);
        assertThat(Duration.between(limitedAttempts.get(0).getLoggedDate().toInstant(),
                limitedAttempts.get(1).getLoggedDate().toInstant())).isGreaterThanOrEqualTo(Duration.ofSeconds(3));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> timeline = timelineLines(incident);
            assertThat(timeline).anyMatch(line -> line.startsWith("notification-failed") && line.contains("HTTP 500"));
            assertThat(timeline).anyMatch(line -> line.startsWith("notification-failed") && line.contains("HTTP 429"));
            assertThat(timeline).anyMatch(line -> line.startsWith("notification-delivered")
                    && line.contains("after 3 attempts") && line.contains("PagerDuty trigger"));
            assertThat(timeline).anyMatch(line -> line.startsWith("notification-failed")
                    && line.contains("Event object is invalid") && line.endsWith("giving up"));
            assertThat(timeline).anyMatch(line -> line.startsWith("notification-failed")
                    && line.contains("ratelimited"));
            assertThat(timeline).anyMatch(line -> line.startsWith("notification-delivered")
                    && line.contains("after 2 attempts") && line.contains(limited));
        });
        Thread.sleep(3_000);
        assertThat(pagerDutyRequests(invalid)).as("a 400 is never retried").hasSize(1);
        assertThat(pagerDutyRequests(flaky)).as("delivered once it was accepted").hasSize(3);
    }

    @Test
    void slackBeingDownNeverHoldsUpTheLadderAndEverythingArrivesOnceItIsBack() throws Exception {
        String agent = agent();
        String slackChannel = "C0DOWN" + AGENTS.get();
        String nextLevel = routingKey(agent + "n");
        WireMockServer fake = FakeIntegrations.server();
        var down = List.of(
                fake.stubFor(WireMock.post(urlPathEqualTo("/slack/api/chat.postMessage")).atPriority(1)
                        .withRequestBody(containing("channel=" + slackChannel))
                        .willReturn(aResponse().withStatus(503).withBody("upstream down"))),
                fake.stubFor(WireMock.post(urlPathEqualTo("/slack/api/conversations.create")).atPriority(1)
                        .withRequestBody(containing(agent + "-1"))
                        .willReturn(aResponse().withStatus(500).withBody("{\"ok\":false,\"error\":\"internal_error\"}"))));
        put(SMITH_OPERATOR, "/api/v1/escalation-policies/" + agent + "-policy", """
                {"name": "Two levels", "levels": [
                  {"ackTimeout": "PT2S", "targets": [{"type": "slack", "channel": "%s"}]},
                  {"ackTimeout": "PT10M", "targets": [{"type": "pagerduty", "routingKey": "%s"}]}]}
                """.formatted(slackChannel, nextLevel)).expectStatus().isCreated();
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent, """
                {"name": "Intake line", "timezone": "America/Los_Angeles", "escalationPolicyId": "%s-policy"}
                """.formatted(agent)).expectStatus().isCreated();
        down(agent);
        String incident = agent + "-1";

        JsonNode page = awaitPagerDuty(nextLevel, 1).get(0);
        assertThat(page.get("dedup_key").asText()).isEqualTo("dialtone/" + incident);
        assertThat(slackRequests("chat.postMessage", form -> slackChannel.equals(form.get("channel"))))
                .as("Slack was tried and is still failing").isNotEmpty();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(timelineLines(incident))
                .anyMatch(line -> line.startsWith("notification-failed") && line.contains("http_503"))
                .anyMatch(line -> line.startsWith("slack-failed") && line.contains("internal_error"))
                .anyMatch(line -> line.startsWith("escalated level 2")));
        String metrics = new String(http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(metrics).contains("dialtone_deliveries_total{", "kind=\"slack\"", "outcome=\"failed\"");

        down.forEach(fake::removeStub);
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(timelineLines(incident))
                .anyMatch(line -> line.startsWith("notification-delivered") && line.contains(slackChannel))
                .anyMatch(line -> line.startsWith("slack-channel")));
        String channelName = "inc-" + LocalDate.now(LOS_ANGELES).format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                + agent + "-1";
        String channelId = channelIdOf(channelName);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(slack("chat.postMessage",
                form -> channelId.equals(form.get("channel"))).stream().map(form -> form.get("text")).toList())
                .anyMatch(text -> text.contains("escalated")));
        List<String> steps = slack("chat.postMessage", form -> channelId.equals(form.get("channel"))
                && !form.getOrDefault("blocks", "").contains("dialtone_")).stream().map(form -> form.get("text"))
                .toList();
        assertThat(steps).as("every step once, in timeline order").doesNotHaveDuplicates();
        assertThat(steps.get(0)).contains("opened");
    }

    // --- the application's side -------------------------------------------------------------------------------

    private List<String> timelineLines(String incident) {
        JsonNode detail = json(get(SMITH_READER, "/api/v1/incidents/" + incident).expectBody().returnResult()
                .getResponseBody());
        List<String> timeline = new ArrayList<>();
        detail.get("timeline").forEach(entry -> timeline.add(entry.get("type").asText() + " "
                + entry.get("detail").asText()));
        return timeline;
    }

    private static String agent() {
        return "pdslack-" + AGENTS.incrementAndGet();
    }

    private static String routingKey(String seed) {
        String key = ("R" + seed.replace("-", "") + "00000000000000000000000000000000");
        return key.substring(0, 32);
    }

    private void ladder(String agent, String targets) {
        put(SMITH_OPERATOR, "/api/v1/escalation-policies/" + agent + "-policy", """
                {"name": "Night ladder", "levels": [{"ackTimeout": "PT10M", "targets": [%s]}]}
                """.formatted(targets)).expectStatus().isCreated();
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent, """
                {"name": "Intake line", "timezone": "America/Los_Angeles", "escalationPolicyId": "%s-policy"}
                """.formatted(agent)).expectStatus().isCreated();
    }

    private void down(String agent) {
        Instant now = Instant.now();
        for (int i = 0; i < 2; i++) {
            post(SMITH_INGEST, "/api/v1/signals/health-checks", """
                    {"id": "%s-down-%d", "agentId": "%s", "check": "sip-options", "occurredAt": "%s",
                     "status": "DOWN", "detail": "timeout"}
                    """.formatted(agent, i, agent, now.minusSeconds(20 - 10L * i))).expectStatus().isAccepted();
        }
    }

    private WebTestClient.ResponseSpec slackCommand(String text, String responsePath) {
        return slackRequest("/slack/commands", commandBody(text, responsePath), Instant.now().getEpochSecond(),
                FakeIntegrations.SLACK_SIGNING_SECRET);
    }

    private static String commandBody(String text, String responsePath) {
        return "token=legacy&team_id=T0TEST&team_domain=test&channel_id=C0SOMEWHERE&channel_name=general"
                + "&user_id=U0JDOE&user_name=jdoe&command=%2Fdialtone&text=" + URLEncoder.encode(text,
                StandardCharsets.UTF_8) + "&response_url=" + URLEncoder.encode(FakeIntegrations.baseUrl()
                + responsePath, StandardCharsets.UTF_8) + "&trigger_id=1.2.3";
    }

    private WebTestClient.ResponseSpec slackRequest(String path, String body, long timestamp, String secret) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", SlackRequestVerifier.sign(secret, Long.toString(timestamp), body))
                .bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec signedPagerDuty(String body) {
        return http.post().uri("/webhooks/pagerduty").contentType(MediaType.APPLICATION_JSON)
                .header("X-PagerDuty-Signature", PagerDutyWebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8),
                        FakeIntegrations.PAGERDUTY_WEBHOOK_SECRET))
                .bodyValue(body).exchange();
    }

    private static String pagerDutyWebhook(String type, String incidentKey) {
        return """
                {"event": {"id": "01DEN7XZ2QV4RZ8E3C9V0V2J1N", "event_type": "%s", "resource_type": "incident",
                  "occurred_at": "%s", "agent": {"html_url": "https://acme.pagerduty.com/users/PLH1HKV",
                  "id": "PLH1HKV", "self": "https://api.pagerduty.com/users/PLH1HKV", "summary": "Jane Responder",
                  "type": "user_reference"}, "client": null,
                  "data": {"id": "Q0ZNH7TMAN9B2E", "type": "incident", "self": "https://api.pagerduty.com/incidents/Q0",
                   "html_url": "https://acme.pagerduty.com/incidents/Q0", "number": 42, "status": "resolved",
                   "incident_key": "%s", "created_at": "%s", "title": "OUTAGE", "urgency": "high"}}}
                """.formatted(type, Instant.now(), incidentKey, Instant.now().minusSeconds(60));
    }

    // --- what the fakes saw -----------------------------------------------------------------------------------

    private static List<LoggedRequest> pagerDutyRequests(String routingKey) {
        return FakeIntegrations.server().findAll(postRequestedFor(urlPathEqualTo("/pd/v2/enqueue"))).stream()
                .filter(r -> routingKey.equals(json(r.getBodyAsString()).get("routing_key").asText()))
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    private static List<JsonNode> awaitPagerDuty(String routingKey, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> pagerDutyRequests(routingKey).size() >= count);
        return pagerDutyRequests(routingKey).stream().map(r -> json(r.getBodyAsString())).toList();
    }

    private static List<LoggedRequest> slackRequests(String method, java.util.function.Predicate<Map<String, String>>
            filter) {
        return FakeIntegrations.server().findAll(postRequestedFor(urlPathEqualTo("/slack/api/" + method))).stream()
                .filter(r -> filter.test(form(r.getBodyAsString())))
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    private static List<Map<String, String>> slack(String method, java.util.function.Predicate<Map<String, String>>
            filter) {
        return slackRequests(method, filter).stream().map(r -> form(r.getBodyAsString())).toList();
    }

    private static List<Map<String, String>> awaitSlack(String method,
                                                        java.util.function.Predicate<Map<String, String>> filter,
                                                        int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> slack(method, filter).size() >= count);
        return slack(method, filter);
    }

    /** The id the fake gave the channel it created by that name. */
    private static String channelIdOf(String name) {
        return FakeIntegrations.server().getServeEvents().getRequests().stream()
                .filter(event -> event.getRequest().getUrl().endsWith("/conversations.create")
                        && name.equals(form(event.getRequest().getBodyAsString()).get("name")))
                .map(event -> json(event.getResponse().getBodyAsString()).at("/channel/id").asText())
                .findFirst().orElseThrow();
    }

    private static List<JsonNode> responses(String path) {
        return FakeIntegrations.server().findAll(postRequestedFor(urlPathMatching(path))).stream()
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(r -> json(r.getBodyAsString())).toList();
    }

    private static List<JsonNode> awaitResponses(String path, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> responses(path).size() >= count);
        return responses(path);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isEmpty() || body.startsWith("{")) {
            return form;
        }
        Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2)).forEach(pair -> form.put(
                URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                pair.length < 2 ? "" : URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        return form;
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(byte[] body) {
        return json(new String(body, StandardCharsets.UTF_8));
    }
}
