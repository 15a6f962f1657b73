package dev.dialtone.integrations.pagerduty;

import com.github.dikhan.pagerduty.client.events.PagerDutyEventsClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PagerDutyClientTest {

    private static final String ENQUEUE = "/v2/enqueue";
    private static final String ROUTING_KEY = "e93facc04764012d7bfb002500d5d1a6";
    private static final String DEDUP_KEY = "dialtone/inc-42";
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private WireMockServer pagerDuty;
    private PagerDutyClient client;

    @BeforeEach
    void start() {
        pagerDuty = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        pagerDuty.start();
        client = new PagerDutyClient(pagerDuty.baseUrl() + ENQUEUE, Duration.ofSeconds(1), TIMEOUT);
    }

    @AfterEach
    void stop() {
        pagerDuty.stop();
    }

    private void answer(ResponseDefinitionBuilder response) {
        pagerDuty.stubFor(post(urlEqualTo(ENQUEUE)).willReturn(response));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static ResponseDefinitionBuilder accepted() {
        return json(202, """
                {"status": "success", "message": "Event processed", "dedup_key": "%s"}""".formatted(DEDUP_KEY));
    }

    private static PagerDutyEvent trigger() {
        return PagerDutyEvent.trigger(ROUTING_KEY, DEDUP_KEY, "Réception agent failing", "dialtone:agent:reception",
                PagerDutySeverity.CRITICAL);
    }

    private int requestsReceived() {
        return pagerDuty.findAll(postRequestedFor(urlEqualTo(ENQUEUE))).size();
    }

    @Test
    void aTriggerIsSentAsExactlyTheEventsApiV2BodyAndItsAcceptanceReturned() {
        answer(accepted());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("incident", "inc-42");
        details.put("failed calls", 7);
        details.put("failure rate", 0.7);
        details.put("window start", Instant.parse("2026-01-05T10:00:00Z"));
        details.put("top reasons", List.of("silence-timeout", "transfer-failed"));
        PagerDutyEvent event = trigger()
                .withTimestamp(Instant.parse("2026-01-05T10:15:30.123456Z"))
                .withClassification("voice-agent", "acme-support", "call failure rate")
                .withCustomDetails(details)
                .withLinks(List.of(new PagerDutyLink("https://dialtone.example/incidents/inc-42", "Open in Dialtone")));

        PagerDutyAccepted accepted = client.send(event);

        assertThat(accepted).isEqualTo(new PagerDutyAccepted("success", "Event processed", DEDUP_KEY));
        pagerDuty.verify(1, postRequestedFor(urlEqualTo(ENQUEUE))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("""
                        {
                          "routing_key": "e93facc04764012d7bfb002500d5d1a6",
                          "event_action": "trigger",
                          "dedup_key": "dialtone/inc-42",
                          "payload": {
                            "summary": "Réception agent failing",
                            "source": "dialtone:agent:reception",
                            "severity": "critical",
                            "timestamp": "2026-01-05T10:15:30.123Z",
                            "component": "voice-agent",
                            "group": "acme-support",
                            "class": "call failure rate",
                            "custom_details": {
                              "incident": "inc-42",
                              "failed calls": 7,
                              "failure rate": 0.7,
                              "window start": "2026-01-05T10:00:00Z",
                              "top reasons": ["silence-timeout", "transfer-failed"]
                            }
                          },
                          "links": [{"href": "https://dialtone.example/incidents/inc-42", "text": "Open in Dialtone"}]
                        }""")));
    }

    @Test
    void aTriggerWithoutOptionalFieldsCarriesOnlyTheRequiredOnes() {
        answer(accepted());

        client.send(trigger());

        pagerDuty.verify(1, postRequestedFor(urlEqualTo(ENQUEUE)).withRequestBody(equalToJson("""
                {
                  "routing_key": "e93facc04764012d7bfb002500d5d1a6",
                  "event_action": "trigger",
                  "dedup_key": "dialtone/inc-42",
                  "payload": {
                    "summary": "Réception agent failing",
                    "source": "dialtone:agent:reception",
                    "severity": "critical"
                  }
                }""")));
    }

    @ParameterizedTest
    @EnumSource(value = PagerDutyEvent.Action.class, names = {"ACKNOWLEDGE", "RESOLVE"})
    void acknowledgeAndResolveCarryOnlyTheKeys(PagerDutyEvent.Action action) {
        answer(accepted());
        PagerDutyEvent event = action == PagerDutyEvent.Action.ACKNOWLEDGE
                ? PagerDutyEvent.acknowledge(ROUTING_KEY, DEDUP_KEY)
                : PagerDutyEvent.resolve(ROUTING_KEY, DEDUP_KEY);

        assertThat(client.send(event).dedupKey()).isEqualTo(DEDUP_KEY);

        pagerDuty.verify(1, postRequestedFor(urlEqualTo(ENQUEUE)).withRequestBody(equalToJson("""
                {"routing_key": "%s", "event_action": "%s", "dedup_key": "%s"}"""
                .formatted(ROUTING_KEY, action.name().toLowerCase(), DEDUP_KEY))));
    }

    @Test
    void aTimestampOnAWholeMinuteKeepsItsSeconds() {
        answer(accepted());

        client.send(trigger().withTimestamp(Instant.parse("2026-01-05T10:15:00Z")));

        pagerDuty.verify(1, postRequestedFor(urlEqualTo(ENQUEUE))
                .withRequestBody(matchingJsonPath("$.payload.timestamp", equalTo("2026-01-05T10:15:00Z"))));
    }

    @Test
    void anAcceptanceWithoutADedupKeyFallsBackToTheKeySent() {
        answer(json(202, "{\"status\": \"success\", \"message\": \"Event processed\"}"));

        assertThat(client.send(trigger())).isEqualTo(new PagerDutyAccepted("success", "Event processed", DEDUP_KEY));
    }

    @Test
    void anInvalidEventIsFinalAndTheMessageSaysWhatPagerDutyObjectedTo() {
        answer(json(400, """
                {"status": "invalid event", "message": "Event object is invalid",
                 "errors": ["Length of 'routing_key' is incorrect (should be 32 characters)"]}"""));

        PagerDutyDeliveryException failure = catchThrowableOfType(PagerDutyDeliveryException.class,
                () -> client.send(PagerDutyEvent.resolve("too-short", DEDUP_KEY)));

        assertThat(failure).hasMessage("HTTP 400: Event object is invalid "
                + "(Length of 'routing_key' is incorrect (should be 32 characters))");
        assertThat(failure.status()).isEqualTo(400);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.retryAfter()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {403, 404, 413})
    void otherClientErrorsAreFinalToo(int status) {
        answer(json(status, "{\"status\": \"rejected\", \"message\": \"Not for this endpoint\"}"));

        PagerDutyDeliveryException failure = catchThrowableOfType(PagerDutyDeliveryException.class,
                () -> client.send(trigger()));

        assertThat(failure).hasMessage("HTTP " + status + ": Not for this endpoint");
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void rateLimitingIsRetryableAfterTheDelayPagerDutyAsksForAndIsNotRetriedInside() {
        answer(aResponse().withStatus(429).withStatusMessage("Too Many Requests").withHeader("Retry-After", "30"));

        PagerDutyDeliveryException failure = catchThrowableOfType(PagerDutyDeliveryException.class,
                () -> client.send(trigger()));

        assertThat(failure).hasMessage("HTTP 429: Too Many Requests");
        assertThat(failure.status()).isEqualTo(429);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(requestsReceived()).isEqualTo(1);
    }

    @Test
    void retryAfterMayBeAnHttpDate() {
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120));
        answer(aResponse().withStatus(429).withHeader("Retry-After", inTwoMinutes));

        PagerDutyDeliveryException failure = catchThrowableOfType(PagerDutyDeliveryException.class,
                () -> client.send(trigger()));

        assertThat(failure.retryAfter()).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(120));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void serverErrorsAreRetryableAndAreNotRetriedInside(int status) {
        answer(json(status, "{\"status\": \"error\", \"message\": \"Internal server error\"}"));

        PagerDutyDeliveryException failure = catchThrowableOfType(PagerDutyDeliveryException.class,
                () -> client.send(trigger()));

        assertThat(failure).hasMessage("HTTP " + status + ": Internal server error");
        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.retryable()).isTrue();
        assertThat(requestsReceived()).isEqualTo(1);
    }

    @Test
    void aGatewayPageInsteadOfJsonStillShowsTheStatus() {
        answer(aResponse().withStatus(502).withStatusMessage("Bad Gateway")
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>"));

        PagerDutyDeliveryException failure = catchThrowableOfType(PagerDutyDeliveryException.class,
                () -> client.send(trigger()));

        assertThat(failure).hasMessage("HTTP 502: Bad Gateway");
        assertThat(failure.status()).isEqualTo(502);
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsRetryableWithNoStatus() {
        answer(accepted().withFixedDelay(2_000));

        PagerDutyDeliveryException failure = catchThrowableOfType(PagerDutyDeliveryException.class,
                () -> client.send(trigger()));

        assertThat(failure).hasMessage("no answer from localhost:" + pagerDuty.port() + " within 500 ms");
        assertThat(failure.status()).isZero();
        assertThat(failure.retryable()).isTrue();
        assertThat(requestsReceived()).isEqualTo(1);
    }

    @Test
    void aClosedPortIsRetryableWithNoStatus() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PagerDutyClient nowhere = new PagerDutyClient("http://localhost:" + closedPort + ENQUEUE,
                Duration.ofSeconds(1), TIMEOUT);

        PagerDutyDeliveryException failure = catchThrowableOfType(PagerDutyDeliveryException.class,
                () -> nowhere.send(trigger()));

        assertThat(failure).hasMessageStartingWith("could not connect to localhost:" + closedPort);
        assertThat(failure.status()).isZero();
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void keepsItsWireFormatAndErrorsWhenAnotherPagerDutyClientResetsUnirest() {
        answer(json(400, "{\"status\": \"invalid event\", \"message\": \"Event object is invalid\"}"));
        PagerDutyEventsClient.create("http://localhost:9/elsewhere");

        PagerDutyDeliveryException failure = catchThrowableOfType(PagerDutyDeliveryException.class,
                () -> client.send(PagerDutyEvent.acknowledge(ROUTING_KEY, DEDUP_KEY)));

        assertThat(failure).hasMessage("HTTP 400: Event object is invalid");
        assertThat(failure.retryable()).isFalse();
        pagerDuty.verify(1, postRequestedFor(urlEqualTo(ENQUEUE)).withRequestBody(equalToJson("""
                {"routing_key": "%s", "event_action": "acknowledge", "dedup_key": "%s"}"""
                .formatted(ROUTING_KEY, DEDUP_KEY))));
    }

    @Test
    void detailsThatCannotBeWrittenAsJsonAreRefusedBeforeAnythingIsSent() {
        answer(accepted());
        PagerDutyEvent event = trigger().withCustomDetails(Map.of("call", new Object()));

        assertThatThrownBy(() -> client.send(event))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("custom details");
        assertThat(requestsReceived()).isZero();
    }

    @Test
    void refusesAUrlThatIsNotHttp() {
        assertThatThrownBy(() -> new PagerDutyClient("events.pagerduty.com/v2/enqueue", TIMEOUT, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventsUrl");
        assertThatThrownBy(() -> new PagerDutyClient(PagerDutyClient.DEFAULT_EVENTS_URL, TIMEOUT, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    }
}
