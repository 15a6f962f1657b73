package dev.dialtone.api.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * One WireMock server per test JVM standing in for PagerDuty's Events API v2 ({@code /pd/v2/enqueue}), Slack's Web
 * API ({@code /slack/api/<method>}) and Slack's response URLs ({@code /slack/respond/...}), answering in their real
 * wire formats. Every integration test's application talks to it; tests that care add stubs of higher priority that
 * match their own routing keys or channels, and read what arrived.
 */
public final class FakeIntegrations {

    public static final String PAGERDUTY_WEBHOOK_SECRET = "pd-webhook-secret-for-tests";
    public static final String SLACK_SIGNING_SECRET = "slack-signing-secret-for-tests";
    public static final String SLACK_RESPONDER = "U0RESPONDER";
    public static final String SLACK_TENANT = "smith-law";
    public static final int DEFAULT_PRIORITY = 10;

    private static WireMockServer server;

    private FakeIntegrations() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort().asynchronousResponseEnabled(true));
            server.start();
            stubDefaults(server);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static String baseUrl() {
        return server().baseUrl();
    }

    /** The settings that point the application at the fakes. */
    public static Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("dialtone.pagerduty.events-url", baseUrl() + "/pd/v2/enqueue");
        properties.put("dialtone.pagerduty.webhook-secret", PAGERDUTY_WEBHOOK_SECRET);
        properties.put("dialtone.slack.api-url", baseUrl() + "/slack/api/");
        properties.put("dialtone.slack.bot-token", "xoxb-test-token");
        properties.put("dialtone.slack.signing-secret", SLACK_SIGNING_SECRET);
        properties.put("dialtone.slack.tenant", SLACK_TENANT);
        properties.put("dialtone.slack.responders[0]", SLACK_RESPONDER);
        return properties;
    }

    private static void stubDefaults(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/pd/v2/enqueue")).atPriority(DEFAULT_PRIORITY)
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"success\",\"message\":\"Event processed\","
                                + "\"dedup_key\":\"{{jsonPath request.body '$.dedup_key'}}\"}")
                        .withTransformers("response-template")));
        server.stubFor(post(urlPathEqualTo("/slack/api/auth.test")).atPriority(DEFAULT_PRIORITY)
                .willReturn(okJson("{\"ok\":true,\"url\":\"https://dialtone-test.slack.com/\",\"team\":\"Test\","
                        + "\"user\":\"dialtone\",\"team_id\":\"T0TEST\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}")));
        server.stubFor(post(urlPathEqualTo("/slack/api/conversations.create")).atPriority(DEFAULT_PRIORITY)
                .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"C{{randomValue length=8 type='ALPHANUMERIC' "
                        + "uppercase=true}}\",\"name\":\"{{formData request.body 'form' urlDecode=true}}"
                        + "{{form.name}}\",\"is_channel\":true,\"created\":1764000000,\"creator\":\"U0BOT\"}}")
                        .withTransformers("response-template")));
        server.stubFor(post(urlPathEqualTo("/slack/api/conversations.invite")).atPriority(DEFAULT_PRIORITY)
                .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"{{formData request.body 'form' "
                        + "urlDecode=true}}{{form.channel}}\"}}").withTransformers("response-template")));
        server.stubFor(post(urlPathEqualTo("/slack/api/chat.postMessage")).atPriority(DEFAULT_PRIORITY)
                .willReturn(okJson("{\"ok\":true,\"channel\":\"{{formData request.body 'form' urlDecode=true}}"
                        + "{{form.channel}}\",\"ts\":\"{{now format='epoch'}}.{{randomValue length=6 "
                        + "type='NUMERIC'}}\",\"message\":{\"type\":\"message\",\"text\":\"ok\"}}")
                        .withTransformers("response-template")));
        server.stubFor(post(urlPathEqualTo("/slack/api/chat.update")).atPriority(DEFAULT_PRIORITY)
                .willReturn(okJson("{\"ok\":true,\"channel\":\"{{formData request.body 'form' urlDecode=true}}"
                        + "{{form.channel}}\",\"ts\":\"{{formData request.body 'form' urlDecode=true}}{{form.ts}}\","
                        + "\"text\":\"ok\"}").withTransformers("response-template")));
        server.stubFor(post(urlPathMatching("/slack/respond/.*")).atPriority(DEFAULT_PRIORITY)
                .willReturn(aResponse().withStatus(200).withBody("ok")));
    }
}
