package dev.dialtone.integrations.slack;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * Slack's Web API on loopback, speaking its wire format: form-encoded POSTs to {@code /api/<method>} with the
 * token as {@code Authorization: Bearer}, answered with HTTP 200 and {@code {"ok":true,...}} or
 * {@code {"ok":false,"error":"..."}}. {@code auth.test} is always answered, as Slack's own fakes must be.
 */
final class FakeSlack implements AutoCloseable {

    static final String BOT_USER_ID = "U0DIALBOT";

    private final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    FakeSlack() {
        server.start();
        answer("auth.test", """
                {"ok":true,"url":"https://dialtone-test.slack.com/","team":"Dialtone Test","user":"dialtone",
                 "team_id":"T0DIALTONE","user_id":"%s","bot_id":"B0DIALBOT","is_enterprise_install":false}"""
                .formatted(BOT_USER_ID));
    }

    String apiUrl() {
        return server.baseUrl() + "/api/";
    }

    String baseUrl() {
        return server.baseUrl();
    }

    WireMockServer server() {
        return server;
    }

    /** Answers every call of the method with HTTP 200 and this JSON. */
    void answer(String method, String json) {
        server.stubFor(call(method).willReturn(ok(json)));
    }

    void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    static MappingBuilder call(String method) {
        return post(urlEqualTo("/api/" + method));
    }

    static ResponseDefinitionBuilder ok(String json) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(json);
    }

    List<LoggedRequest> requests(String method) {
        return server.findAll(postRequestedFor(urlEqualTo("/api/" + method)));
    }

    LoggedRequest only(String method) {
        List<LoggedRequest> requests = requests(method);
        if (requests.size() != 1) {
            throw new AssertionError("expected one " + method + " request, got " + requests.size());
        }
        return requests.get(0);
    }

    /** Every request the fake received, whatever its path. */
    List<LoggedRequest> allRequests() {
        return server.findAll(anyRequestedFor(anyUrl()));
    }

    @Override
    public void close() {
        server.stop();
    }
}
