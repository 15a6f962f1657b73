package dev.dialtone.integrations.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.dialtone.integrations.slack.FakeSlack.call;
import static dev.dialtone.integrations.slack.FakeSlack.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SlackWebApiTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private FakeSlack slack;
    private String token;
    private SlackWebApi api;

    @BeforeEach
    void start() {
        slack = new FakeSlack();
        // A token of its own per test: the SDK caches per-token look-ups in static state.
        token = "xoxb-test-" + UUID.randomUUID();
        api = new SlackWebApi(slack.apiUrl(), token, TIMEOUT);
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void authTestReturnsTheBotUserIdAndSendsTheTokenAsBearer() {
        assertThat(api.authTest()).isEqualTo(FakeSlack.BOT_USER_ID);

        assertThat(slack.only("auth.test").getHeader("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void opensAPublicChannelByName() {
        slack.answer("conversations.create", """
                {"ok":true,"channel":{"id":"C0INC20261125","name":"inc-20261125-frontdesk-3","is_channel":true,
                 "is_private":false,"is_archived":false,"creator":"U0DIALBOT"}}""");

        SlackChannel channel = api.openChannel("inc-20261125-frontdesk-3");

        assertThat(channel).isEqualTo(new SlackChannel("C0INC20261125", "inc-20261125-frontdesk-3"));
        LoggedRequest create = slack.only("conversations.create");
        assertThat(create.getHeader("Authorization")).isEqualTo("Bearer " + token);
        assertThat(create.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(form(create, "name")).isEqualTo("inc-20261125-frontdesk-3");
        assertThat(form(create, "is_private")).as("the SDK sends booleans as 1/0, which Slack accepts").isEqualTo("0");
    }

    @Test
    void reusesTheChannelWeCreatedBeforeACrashWhenSlackSaysTheNameIsTaken() {
        slack.answer("conversations.create", "{\"ok\":false,\"error\":\"name_taken\"}");
        String cursor = "dGVhbTpDMDYxRkE1UEI=";
        slack.stub(call("conversations.list").withFormParam("cursor", absent()).willReturn(ok("""
                {"ok":true,"channels":[{"id":"C0GENERAL","name":"general"},{"id":"C0RANDOM","name":"random"}],
                 "response_metadata":{"next_cursor":"%s"}}""".formatted(cursor))));
        slack.stub(call("conversations.list").withFormParam("cursor", equalTo(cursor)).willReturn(ok("""
                {"ok":true,"channels":[{"id":"C0OLDINC","name":"inc-20261124-frontdesk-2"},
                                       {"id":"C0INC3","name":"inc-20261125-frontdesk-3"}],
                 "response_metadata":{"next_cursor":""}}""")));

        SlackChannel channel = api.openChannel("inc-20261125-frontdesk-3");

        assertThat(channel).isEqualTo(new SlackChannel("C0INC3", "inc-20261125-frontdesk-3"));
        List<LoggedRequest> pages = slack.requests("conversations.list");
        assertThat(pages).hasSize(2);
        for (LoggedRequest page : pages) {
            assertThat(form(page, "types")).isEqualTo("public_channel");
            assertThat(form(page, "exclude_archived")).isEqualTo("1");
            assertThat(form(page, "limit")).isEqualTo("1000");
            assertThat(page.getHeader("Authorization")).isEqualTo("Bearer " + token);
        }
        assertThat(slack.requests("conversations.create")).hasSize(1);
    }

    @Test
    void aTakenNameWeCannotSeeIsAPermanentFailure() {
        slack.answer("conversations.create", "{\"ok\":false,\"error\":\"name_taken\"}");
        slack.answer("conversations.list", """
                {"ok":true,"channels":[{"id":"C0GENERAL","name":"general"}],"response_metadata":{"next_cursor":""}}""");

        SlackApiFailure failure = catchThrowableOfType(() -> api.openChannel("inc-20261125-frontdesk-3"),
                SlackApiFailure.class);

        assertThat(failure.error()).isEqualTo("name_taken");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure).hasMessageContaining("#inc-20261125-frontdesk-3");
        assertThat(slack.requests("conversations.list")).hasSize(1);
    }

    @Test
    void anInvalidNameIsAPermanentFailureWithoutAnyLookUp() {
        slack.answer("conversations.create", "{\"ok\":false,\"error\":\"invalid_name_specials\"}");

        assertThatThrownBy(() -> api.openChannel("Inc 3"))
                .isInstanceOfSatisfying(SlackApiFailure.class, failure -> {
                    assertThat(failure.error()).isEqualTo("invalid_name_specials");
                    assertThat(failure.retryable()).isFalse();
                });
        assertThat(slack.requests("conversations.list")).isEmpty();
    }

    @Test
    void invitesAllUsersInOneCommaSeparatedRequest() {
        slack.answer("conversations.invite", "{\"ok\":true,\"channel\":{\"id\":\"C0INC3\",\"name\":\"inc\"}}");

        api.invite("C0INC3", List.of("U0ALICE", "U0BOB"));

        LoggedRequest invite = slack.only("conversations.invite");
        assertThat(form(invite, "channel")).isEqualTo("C0INC3");
        assertThat(form(invite, "users")).isEqualTo("U0ALICE,U0BOB");
        assertThat(invite.getHeader("Authorization")).isEqualTo("Bearer " + token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"already_in_channel", "cant_invite_self"})
    void anInviteOfSomeoneAlreadyThereSucceeds(String error) {
        slack.answer("conversations.invite", "{\"ok\":false,\"error\":\"" + error + "\"}");

        api.invite("C0INC3", List.of(FakeSlack.BOT_USER_ID));

        assertThat(slack.requests("conversations.invite")).hasSize(1);
    }

    @Test
    void anInviteToAChannelTheBotIsNotInFails() {
        slack.answer("conversations.invite", "{\"ok\":false,\"error\":\"not_in_channel\"}");

        assertThatThrownBy(() -> api.invite("C0INC3", List.of("U0ALICE")))
                .isInstanceOfSatisfying(SlackApiFailure.class, failure -> {
                    assertThat(failure.error()).isEqualTo("not_in_channel");
                    assertThat(failure.retryable()).isFalse();
                });
    }

    @Test
    void invitingNobodyCallsNothing() {
        api.invite("C0INC3", List.of());

        assertThat(slack.allRequests()).isEmpty();
    }

    @Test
    void postsTextAndBlocksAndReturnsTheMessageTs() {
        slack.answer("chat.postMessage", """
                {"ok":true,"channel":"C0INC3","ts":"1795594320.000200",
                 "message":{"type":"message","bot_id":"B0DIALBOT","text":"OUTAGE on frontdesk","ts":"1795594320.000200"}}""");

        String ts = api.post("C0INC3", new SlackMessage("OUTAGE on frontdesk", List.of(section("*OUTAGE* on frontdesk"))))
                .ts();

        assertThat(ts).isEqualTo("1795594320.000200");
        LoggedRequest post = slack.only("chat.postMessage");
        assertThat(post.getHeader("Authorization")).isEqualTo("Bearer " + token);
        assertThat(form(post, "channel")).isEqualTo("C0INC3");
        assertThat(form(post, "text")).isEqualTo("OUTAGE on frontdesk");
        JsonNode blocks = SlackSamples.json(form(post, "blocks"));
        assertThat(blocks).hasSize(1);
        assertThat(blocks.get(0).path("type").asText()).isEqualTo("section");
        assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("mrkdwn");
        assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo("*OUTAGE* on frontdesk");
    }

    @Test
    void makesNoAuthTestOfItsOwnBeforeACall() {
        slack.answer("chat.postMessage", "{\"ok\":true,\"channel\":\"C0INC3\",\"ts\":\"1.2\"}");

        api.post("C0INC3", SlackMessage.text("hello"));

        assertThat(slack.requests("auth.test")).isEmpty();
        assertThat(slack.allRequests()).hasSize(1);
    }

    @Test
    void postsATextOnlyMessageToAUserAsADirectMessage() {
        slack.answer("chat.postMessage", "{\"ok\":true,\"channel\":\"D0DM\",\"ts\":\"1795594400.000300\"}");

        assertThat(api.post("U0ALICE", SlackMessage.text("You are on call for frontdesk")))
                .isEqualTo(new SlackPosted("D0DM", "1795594400.000300"));

        LoggedRequest post = slack.only("chat.postMessage");
        assertThat(form(post, "channel")).isEqualTo("U0ALICE");
        assertThat(post.formParameter("blocks").isPresent()).isFalse();
    }

    @Test
    void updatesTheMessageByChannelAndTs() {
        slack.answer("chat.update", "{\"ok\":true,\"channel\":\"C0INC3\",\"ts\":\"1795594320.000200\",\"text\":\"x\"}");

        api.update("C0INC3", "1795594320.000200", new SlackMessage("ACKNOWLEDGED", List.of(section("acked"))));

        LoggedRequest update = slack.only("chat.update");
        assertThat(form(update, "channel")).isEqualTo("C0INC3");
        assertThat(form(update, "ts")).isEqualTo("1795594320.000200");
        assertThat(form(update, "text")).isEqualTo("ACKNOWLEDGED");
        assertThat(SlackSamples.json(form(update, "blocks")).get(0).path("text").path("text").asText())
                .isEqualTo("acked");
    }

    @Test
    void anUpdateWithoutBlocksRemovesTheOldBlocks() {
        slack.answer("chat.update", "{\"ok\":true,\"channel\":\"C0INC3\",\"ts\":\"1.2\",\"text\":\"x\"}");

        api.update("C0INC3", "1.2", SlackMessage.text("plain now"));

        assertThat(form(slack.only("chat.update"), "blocks")).isEqualTo("[]");
    }

    @Test
    void aRateLimitIsRetryableAfterSlacksRetryAfterAndIsNotRetriedHere() {
        slack.stub(call("chat.postMessage").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7")
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));

        SlackApiFailure failure = catchThrowableOfType(() -> api.post("C0INC3", SlackMessage.text("hi")),
                SlackApiFailure.class);

        assertThat(failure.error()).isEqualTo("ratelimited");
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(slack.allRequests()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void aSlackServerErrorIsRetryable(int status) {
        slack.stub(call("chat.postMessage").willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Slack is down</body></html>")));

        SlackApiFailure failure = catchThrowableOfType(() -> api.post("C0INC3", SlackMessage.text("hi")),
                SlackApiFailure.class);

        assertThat(failure.error()).isEqualTo("http_" + status);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isNull();
        assertThat(failure).hasMessageContaining("HTTP " + status);
        assertThat(slack.allRequests()).hasSize(1);
    }

    @Test
    void aRequestTimeoutFromSlackIsRetryableAndNotRetriedByOkHttp() {
        slack.stub(call("chat.postMessage").willReturn(aResponse().withStatus(408).withBody("request timeout")));

        SlackApiFailure failure = catchThrowableOfType(() -> api.post("C0INC3", SlackMessage.text("hi")),
                SlackApiFailure.class);

        assertThat(failure.error()).isEqualTo("http_408");
        assertThat(failure.retryable()).isTrue();
        assertThat(slack.allRequests()).hasSize(1);
    }

    @Test
    void anUnavailableSlackThatSaysRetryNowIsStillOneRequest() {
        slack.stub(call("chat.postMessage").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));

        SlackApiFailure failure = catchThrowableOfType(() -> api.post("C0INC3", SlackMessage.text("hi")),
                SlackApiFailure.class);

        assertThat(failure.error()).isEqualTo("http_503");
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).as("no wait asked for").isNull();
        assertThat(slack.allRequests()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"channel_not_found", "not_in_channel", "invalid_auth", "invalid_blocks", "is_archived",
            "msg_too_long", "account_inactive"})
    void anErrorThatWillNotGoAwayIsPermanent(String error) {
        slack.answer("chat.postMessage", "{\"ok\":false,\"error\":\"" + error + "\"}");

        SlackApiFailure failure = catchThrowableOfType(() -> api.post("C0GONE", SlackMessage.text("hi")),
                SlackApiFailure.class);

        assertThat(failure.error()).isEqualTo(error);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.retryAfter()).isNull();
        assertThat(failure).hasMessage("chat.postMessage failed: " + error);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"})
    void anErrorSlackDocumentsAsTransientIsRetryable(String error) {
        slack.answer("chat.update", "{\"ok\":false,\"error\":\"" + error + "\"}");

        SlackApiFailure failure = catchThrowableOfType(() -> api.update("C0INC3", "1.2", SlackMessage.text("hi")),
                SlackApiFailure.class);

        assertThat(failure.error()).isEqualTo(error);
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void aSlowAnswerIsARetryableTimeoutAfterOneRequest() {
        slack.stub(call("chat.postMessage").willReturn(ok("{\"ok\":true,\"ts\":\"1.2\"}").withFixedDelay(3_000)));

        long started = System.nanoTime();
        SlackApiFailure failure = catchThrowableOfType(() -> api.post("C0INC3", SlackMessage.text("hi")),
                SlackApiFailure.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failure.error()).isEqualTo("timeout");
        assertThat(failure.retryable()).isTrue();
        assertThat(took).isLessThan(Duration.ofMillis(2_500));
        assertThat(slack.allRequests()).hasSize(1);
    }

    @Test
    void anUnreachableSlackIsARetryableIoFailure() {
        WireMockServer closed = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        closed.start();
        String deadUrl = closed.baseUrl() + "/api/";
        closed.stop();

        SlackApiFailure failure = catchThrowableOfType(
                () -> new SlackWebApi(deadUrl, token, TIMEOUT).post("C0INC3", SlackMessage.text("hi")),
                SlackApiFailure.class);

        assertThat(failure.error()).isEqualTo("io");
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void anAnswerThatIsNotSlacksJsonIsRetryable() {
        slack.stub(call("chat.postMessage").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>captive portal</html>")));

        SlackApiFailure failure = catchThrowableOfType(() -> api.post("C0INC3", SlackMessage.text("hi")),
                SlackApiFailure.class);

        assertThat(failure.error()).isEqualTo("invalid_response");
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void respondsEphemerallyThroughTheResponseUrl() {
        slack.stub(post(urlEqualTo("/commands/T0DIALTONE/1234/abcd")).willReturn(aResponse().withStatus(200).withBody("ok")));
        SlackMessage message = new SlackMessage("Acknowledged frontdesk-3", List.of(section("*Acknowledged* frontdesk-3")));

        api.respond(slack.baseUrl() + "/commands/T0DIALTONE/1234/abcd", message, false, false);

        LoggedRequest request = slack.server().findAll(postRequestedFor(urlEqualTo("/commands/T0DIALTONE/1234/abcd"))).get(0);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("Authorization")).as("a response_url needs no token").isNull();
        JsonNode body = SlackSamples.json(request.getBodyAsString());
        assertThat(body.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(body.path("replace_original").isBoolean()).isTrue();
        assertThat(body.path("replace_original").asBoolean()).isFalse();
        assertThat(body.path("text").asText()).isEqualTo("Acknowledged frontdesk-3");
        assertThat(body.path("blocks").get(0).path("type").asText()).isEqualTo("section");
        assertThat(body.path("blocks").get(0).path("text").path("text").asText()).isEqualTo("*Acknowledged* frontdesk-3");
    }

    @Test
    void respondsToTheChannelReplacingTheOriginalMessage() {
        slack.stub(post(urlEqualTo("/actions/T0DIALTONE/1/x")).willReturn(aResponse().withStatus(200).withBody("ok")));

        api.respond(slack.baseUrl() + "/actions/T0DIALTONE/1/x", SlackMessage.text("Resolved by alice"), true, true);

        JsonNode body = SlackSamples.json(slack.server()
                .findAll(postRequestedFor(urlEqualTo("/actions/T0DIALTONE/1/x"))).get(0).getBodyAsString());
        assertThat(body.path("response_type").asText()).isEqualTo("in_channel");
        assertThat(body.path("replace_original").asBoolean()).isTrue();
        assertThat(body.has("blocks")).isFalse();
    }

    @Test
    void anExpiredResponseUrlIsAPermanentFailure() {
        slack.stub(post(urlEqualTo("/commands/old")).willReturn(aResponse().withStatus(404).withBody("expired_url")));

        SlackApiFailure failure = catchThrowableOfType(
                () -> api.respond(slack.baseUrl() + "/commands/old", SlackMessage.text("late"), false, false),
                SlackApiFailure.class);

        assertThat(failure.error()).isEqualTo("http_404");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure).hasMessageContaining("expired_url");
    }

    @Test
    void aResponseUrlThatIsDownIsRetryable() {
        slack.stub(post(urlEqualTo("/commands/busy")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")));

        SlackApiFailure failure = catchThrowableOfType(
                () -> api.respond(slack.baseUrl() + "/commands/busy", SlackMessage.text("x"), false, false),
                SlackApiFailure.class);

        assertThat(failure.error()).isEqualTo("http_503");
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aResponseUrlThatIsNoUrlIsAPermanentFailure() {
        SlackApiFailure failure = catchThrowableOfType(
                () -> api.respond("not a url", SlackMessage.text("x"), false, false), SlackApiFailure.class);

        assertThat(failure.error()).isEqualTo("invalid_response_url");
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void refusesToStartWithoutAToken() {
        assertThatThrownBy(() -> new SlackWebApi(SlackWebApi.DEFAULT_API_URL, " ", TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dialtone.slack.bot-token");
    }

    private static LayoutBlock section(String mrkdwn) {
        return SectionBlock.builder().text(MarkdownTextObject.builder().text(mrkdwn).build()).build();
    }

    private static String form(LoggedRequest request, String name) {
        FormParameter parameter = request.formParameter(name);
        assertThat(parameter.isPresent()).as("form field %s", name).isTrue();
        return parameter.firstValue();
    }
}
