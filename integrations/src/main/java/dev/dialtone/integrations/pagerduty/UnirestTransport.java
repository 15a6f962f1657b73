package dev.dialtone.integrations.pagerduty;

import com.mashape.unirest.http.options.Option;
import com.mashape.unirest.http.options.Options;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.client.HttpClient;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.entity.BufferedHttpEntity;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.protocol.HttpContext;
import org.apache.http.util.EntityUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The HTTP client under the pagerduty-client. Unirest keeps its client and JSON mapper in static state, and the
 * pagerduty-client rebuilds Unirest's default client each time one of its clients is created; so before every call
 * this transport puts back its own client (our timeouts, no automatic retries, no redirects) and
 * {@link EventsApiJson}. Its client records each answer's status, {@code Retry-After} and body for the calling
 * thread, which is how {@link PagerDutyClient} sees what PagerDuty really said.
 */
final class UnirestTransport {

    private static final ThreadLocal<EventsApiAnswer> LAST_ANSWER = new ThreadLocal<>();
    private static final int MAX_CONNECTIONS = 20;

    private final HttpClient http;

    UnirestTransport(Duration connectTimeout, Duration timeout) {
        int connectMillis = Math.toIntExact(connectTimeout.toMillis());
        this.http = HttpClients.custom()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(connectMillis)
                        .setConnectionRequestTimeout(connectMillis)
                        .setSocketTimeout(Math.toIntExact(timeout.toMillis()))
                        .build())
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setMaxConnTotal(MAX_CONNECTIONS)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .addInterceptorLast(UnirestTransport::record)
                .build();
        install();
    }

    /** Runs one pagerduty-client call and returns the answer it got, or null when none arrived. */
    Exchange exchange(Call call) {
        install();
        LAST_ANSWER.remove();
        Exception failure = null;
        try {
            call.run();
        } catch (Exception e) {
            failure = e;
        }
        EventsApiAnswer answer = LAST_ANSWER.get();
        LAST_ANSWER.remove();
        return new Exchange(answer, failure);
    }

    private void install() {
        if (Options.getOption(Option.HTTPCLIENT) != http) {
            Options.setOption(Option.HTTPCLIENT, http);
        }
        if (Options.getOption(Option.OBJECT_MAPPER) != EventsApiJson.INSTANCE) {
            Options.setOption(Option.OBJECT_MAPPER, EventsApiJson.INSTANCE);
        }
    }

    private static void record(HttpResponse response, HttpContext context) throws IOException {
        int status = response.getStatusLine().getStatusCode();
        String reason = response.getStatusLine().getReasonPhrase();
        Header retryAfter = response.getFirstHeader("Retry-After");
        String retryAfterValue = retryAfter == null ? null : retryAfter.getValue();
        LAST_ANSWER.set(new EventsApiAnswer(status, reason, retryAfterValue, null));
        HttpEntity entity = response.getEntity();
        if (entity != null) {
            BufferedHttpEntity buffered = new BufferedHttpEntity(entity);
            response.setEntity(buffered);
            LAST_ANSWER.set(new EventsApiAnswer(status, reason, retryAfterValue,
                    EntityUtils.toString(buffered, StandardCharsets.UTF_8)));
        }
    }

    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    /** What one call produced: the answer (null when none arrived) and what the pagerduty-client threw, if anything. */
    record Exchange(EventsApiAnswer answer, Exception failure) {
    }
}
