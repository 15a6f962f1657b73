package dev.dialtone.integrations.webhook;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignedWebhookClientTest {

    private WireMockServer receiver;
    private SignedWebhookClient client;

    @BeforeEach
    void start() {
        receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        receiver.start();
        client = new SignedWebhookClient(Duration.ofSeconds(1), Duration.ofMillis(500));
    }

    @AfterEach
    void stop() {
        receiver.stop();
    }

    @Test
    void signsTheBodyAndSendsTheIdempotencyKey() throws Exception {
        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));
        byte[] body = "{\"type\":\"page\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(client.post(receiver.baseUrl() + "/hook", body, "s3cret", "inc-1/n1")).isEqualTo("HTTP 204");

        LoggedRequest request = receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).get(0);
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo("inc-1/n1");
        assertThat(Signatures.matches("s3cret", request.getBody(), request.getHeader(Signatures.HEADER))).isTrue();
        assertThat(Signatures.matches("other", request.getBody(), request.getHeader(Signatures.HEADER))).isFalse();
    }

    @Test
    void aNonTwoHundredAnswerIsAFailureThatSaysWhy() {
        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(503).withBody("maintenance")));
        assertThatThrownBy(() -> client.post(receiver.baseUrl() + "/hook", new byte[0], null, "k"))
                .isInstanceOf(WebhookDeliveryException.class)
                .hasMessage("HTTP 503: maintenance");
    }

    @Test
    void aReceiverThatDoesNotAnswerTimesOut() {
        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));
        assertThatThrownBy(() -> client.post(receiver.baseUrl() + "/hook", new byte[0], null, "k"))
                .isInstanceOf(WebhookDeliveryException.class)
                .hasMessageContaining("no answer");
    }

    @Test
    void theSignatureIsHexOfHmacSha256() {
        // RFC 4231 test case 2
        assertThat(Signatures.hmacSha256Hex("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
