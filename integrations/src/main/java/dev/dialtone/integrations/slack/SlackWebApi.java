package dev.dialtone.integrations.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.auth.AuthTestRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.request.conversations.ConversationsCreateRequest;
import com.slack.api.methods.request.conversations.ConversationsInviteRequest;
import com.slack.api.methods.request.conversations.ConversationsListRequest;
import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import com.slack.api.methods.response.conversations.ConversationsInviteResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.json.GsonFactory;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link SlackApi} over Slack's Java SDK, configured so that one call is exactly one HTTP request: the SDK's
 * per-token {@code auth.test} look-up (for its metrics) is off, OkHttp's silent retries (connection failures, HTTP
 * 408, HTTP 503 with {@code Retry-After: 0}) are off, and the synchronous client has no rate-limit queue. Dialtone's
 * durable scheduler owns retries, so a rate limit or an outage comes back at once as a retryable
 * {@link SlackApiFailure} carrying Slack's {@code Retry-After}.
 */
public final class SlackWebApi implements SlackApi {

    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    private static final int LIST_PAGE_SIZE = 1000;
    private static final int MAX_LIST_PAGES = 200;
    private static final int MAX_ERROR_BODY = 300;
    private static final Set<String> ALREADY_INVITED = Set.of("already_in_channel", "cant_invite_self");

    private final MethodsClient methods;
    private final HttpClient responseUrlClient;
    private final Gson gson = GsonFactory.createSnakeCase();
    private final Duration timeout;

    /**
     * @param apiUrl   the Web API base, {@link #DEFAULT_API_URL} or a fake's {@code http://localhost:PORT/api/}
     * @param botToken the bot token ({@code xoxb-...}), sent as {@code Authorization: Bearer}
     * @param timeout  the most one HTTP request may take, from connecting to the last byte of the answer
     */
    public SlackWebApi(String apiUrl, String botToken, Duration timeout) {
        if (apiUrl == null || apiUrl.isBlank()) {
            throw new IllegalArgumentException("dialtone.slack.api-url must be set, e.g. " + DEFAULT_API_URL);
        }
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalArgumentException("dialtone.slack.bot-token must be set to post to Slack");
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("the Slack timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());

        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        config.setStatsEnabled(false);
        config.setHttpClientReadTimeoutMillis(millis);
        config.setHttpClientWriteTimeoutMillis(millis);
        config.setHttpClientCallTimeoutMillis(millis);
        OkHttpClient okHttp = SlackHttpClient.buildOkHttpClient(config).newBuilder()
                .retryOnConnectionFailure(false)
                .addNetworkInterceptor(SlackWebApi::withoutImmediateRetry)
                .connectTimeout(timeout)
                .build();
        this.methods = Slack.getInstance(config, new SlackHttpClient(okHttp)).methods(botToken);

        this.responseUrlClient = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * OkHttp repeats a request by itself when a 503 says {@code Retry-After: 0}, whatever
     * {@code retryOnConnectionFailure} says; without the header the 503 comes back to us after one request.
     */
    private static Response withoutImmediateRetry(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        String retryAfter = response.header("Retry-After");
        if (response.code() == 503 && retryAfter != null && !retryAfter.isEmpty()
                && retryAfter.chars().allMatch(c -> c == '0')) {
            return response.newBuilder().removeHeader("Retry-After").build();
        }
        return response;
    }

    @Override
    public String authTest() {
        return call("auth.test", () -> methods.authTest(AuthTestRequest.builder().build())).getUserId();
    }

    @Override
    public SlackChannel openChannel(String name) {
        ConversationsCreateRequest request = ConversationsCreateRequest.builder().name(name).isPrivate(false).build();
        ConversationsCreateResponse created = send("conversations.create", () -> methods.conversationsCreate(request));
        if (created.isOk()) {
            return new SlackChannel(created.getChannel().getId(), created.getChannel().getName());
        }
        if ("name_taken".equals(created.getError())) {
            return findPublicChannel(name);
        }
        throw SlackApiFailure.fromError("conversations.create", created.getError());
    }

    private SlackChannel findPublicChannel(String name) {
        String cursor = null;
        Set<String> seenCursors = new HashSet<>();
        for (int page = 0; page < MAX_LIST_PAGES; page++) {
            String pageCursor = cursor;
            ConversationsListResponse listed = call("conversations.list", () -> methods.conversationsList(
                    ConversationsListRequest.builder()
                            .types(List.of(ConversationType.PUBLIC_CHANNEL))
                            .excludeArchived(true)
                            .limit(LIST_PAGE_SIZE)
                            .cursor(pageCursor)
                            .build()));
            if (listed.getChannels() != null) {
                for (Conversation channel : listed.getChannels()) {
                    if (name.equals(channel.getName())) {
                        return new SlackChannel(channel.getId(), channel.getName());
                    }
                }
            }
            cursor = listed.getResponseMetadata() == null ? null : listed.getResponseMetadata().getNextCursor();
            if (cursor == null || cursor.isBlank() || !seenCursors.add(cursor)) {
                break;
            }
        }
        throw new SlackApiFailure("conversations.create failed: name_taken, and no public unarchived channel #"
                + name + " is visible to the bot (archived or private?)", "name_taken", false, null, null);
    }

    @Override
    public void invite(String channelId, List<String> userIds) {
        if (userIds == null || userIds.isEmpty()) {
            return;
        }
        ConversationsInviteResponse invited = send("conversations.invite", () -> methods.conversationsInvite(
                ConversationsInviteRequest.builder().channel(channelId).users(List.copyOf(userIds)).build()));
        if (!invited.isOk() && !ALREADY_INVITED.contains(invited.getError())) {
            throw SlackApiFailure.fromError("conversations.invite", invited.getError());
        }
    }

    @Override
    public SlackPosted post(String channel, SlackMessage message) {
        ChatPostMessageRequest.ChatPostMessageRequestBuilder request = ChatPostMessageRequest.builder()
                .channel(channel)
                .text(message.text());
        if (!message.blocks().isEmpty()) {
            request.blocks(message.blocks());
        }
        ChatPostMessageResponse posted = call("chat.postMessage", () -> methods.chatPostMessage(request.build()));
        return new SlackPosted(posted.getChannel() == null ? channel : posted.getChannel(), posted.getTs());
    }

    @Override
    public void update(String channel, String ts, SlackMessage message) {
        call("chat.update", () -> methods.chatUpdate(ChatUpdateRequest.builder()
                .channel(channel)
                .ts(ts)
                .text(message.text())
                .blocks(message.blocks())
                .build()));
    }

    @Override
    public void respond(String responseUrl, SlackMessage message, boolean inChannel, boolean replaceOriginal) {
        JsonObject body = new JsonObject();
        body.addProperty("response_type", inChannel ? "in_channel" : "ephemeral");
        body.addProperty("replace_original", replaceOriginal);
        body.addProperty("text", message.text());
        if (!message.blocks().isEmpty()) {
            body.add("blocks", gson.toJsonTree(message.blocks()));
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(String.valueOf(responseUrl)))
                    .timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(gson.toJson(body), StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException notAUrl) {
            throw new SlackApiFailure("response_url is not an http(s) URL: " + responseUrl, "invalid_response_url",
                    false, null, notAUrl);
        }
        HttpResponse<String> response;
        try {
            response = responseUrlClient.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw timedOut("response_url", e);
        } catch (IOException e) {
            throw unreachable("response_url", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackApiFailure("response_url interrupted", "interrupted", true, null, e);
        }
        String error = errorIn(response.body());
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw httpFailure("response_url", status, error,
                    response.headers().firstValue("Retry-After").orElse(null), response.body(), null);
        }
        if (error != null) {
            throw SlackApiFailure.fromError("response_url", error);
        }
    }

    /** Runs one Web API call and turns anything but an {@code ok:true} answer into a {@link SlackApiFailure}. */
    private <T extends SlackApiTextResponse> T call(String method, SdkCall<T> sdkCall) {
        T response = send(method, sdkCall);
        if (!response.isOk()) {
            throw SlackApiFailure.fromError(method, response.getError());
        }
        return response;
    }

    /** Runs one Web API call; an {@code ok:false} answer is returned for the caller to judge. */
    private <T extends SlackApiTextResponse> T send(String method, SdkCall<T> sdkCall) {
        T response;
        try {
            response = sdkCall.run();
        } catch (SlackApiException e) {
            String error = e.getError() == null ? null : e.getError().getError();
            throw httpFailure(method, e.getResponse().code(), error, e.getResponse().header("Retry-After"),
                    e.getResponseBody(), e);
        } catch (InterruptedIOException e) {
            throw timedOut(method, e);
        } catch (IOException e) {
            throw unreachable(method, e);
        } catch (JsonParseException e) {
            throw invalidResponse(method, e);
        }
        if (response == null) {
            throw invalidResponse(method, null);
        }
        return response;
    }

    private SlackApiFailure timedOut(String method, Exception cause) {
        return new SlackApiFailure(method + ": no answer within " + timeout.toMillis() + " ms", "timeout", true,
                null, cause);
    }

    private static SlackApiFailure unreachable(String method, IOException cause) {
        return new SlackApiFailure(method + ": could not reach Slack: " + cause, "io", true, null, cause);
    }

    private static SlackApiFailure invalidResponse(String method, Exception cause) {
        return new SlackApiFailure(method + ": Slack's answer was not the JSON it documents", "invalid_response",
                true, null, cause);
    }

    /**
     * HTTP 429 is a rate limit whatever the body says; 5xx and 408 are Slack's trouble; any other status is
     * permanent unless the body names a transient error.
     */
    private static SlackApiFailure httpFailure(String method, int status, String error, String retryAfterHeader,
            String body, Exception cause) {
        boolean retryable = status == 429 || status == 408 || status >= 500 || SlackApiFailure.isRetryableError(error);
        String code = status == 429 ? "ratelimited" : error != null ? error : "http_" + status;
        String detail = body == null || body.isBlank() ? ""
                : ": " + body.substring(0, Math.min(MAX_ERROR_BODY, body.length())).strip();
        return new SlackApiFailure(method + " failed: HTTP " + status + detail, code, retryable,
                retryAfter(retryAfterHeader), cause);
    }

    private static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }

    /** The {@code error} of an {@code {"ok":false,...}} body, or null for any other body (Slack often sends "ok"). */
    private static String errorIn(String body) {
        if (body == null || body.isBlank() || !body.strip().startsWith("{")) {
            return null;
        }
        try {
            JsonElement json = JsonParser.parseString(body);
            if (!json.isJsonObject()) {
                return null;
            }
            JsonObject object = json.getAsJsonObject();
            JsonElement ok = object.get("ok");
            if (ok == null || !ok.isJsonPrimitive() || ok.getAsBoolean()) {
                return null;
            }
            JsonElement error = object.get("error");
            return error != null && error.isJsonPrimitive() ? error.getAsString() : "unknown_error";
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException notJson) {
            return null;
        }
    }

    @FunctionalInterface
    private interface SdkCall<T> {
        T run() throws IOException, SlackApiException;
    }
}
