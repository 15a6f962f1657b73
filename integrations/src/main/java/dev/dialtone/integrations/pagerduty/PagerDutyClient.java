package dev.dialtone.integrations.pagerduty;

import com.github.dikhan.pagerduty.client.events.PagerDutyEventsClient;
import com.github.dikhan.pagerduty.client.events.domain.AcknowledgeIncident;
import com.github.dikhan.pagerduty.client.events.domain.ResolveIncident;
import com.github.dikhan.pagerduty.client.events.domain.TriggerIncident;
import org.apache.http.conn.ConnectTimeoutException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Sends alert events to PagerDuty's Events API v2 through the dikhan pagerduty-client, with that client's own
 * retries off: Dialtone's durable scheduler owns retrying, and the built-in retries would hold the worker thread in
 * sleeps of up to 90 s on a 429 and resend behind the scheduler's back. One call is one HTTP request.
 *
 * <p>Unirest, under the pagerduty-client, is configured through static state, so the HTTP client and JSON mapper this
 * class installs there are process-wide, and each send puts them back if other code replaced them. Make one instance
 * per process: with several, concurrent sends may run with another instance's timeouts. {@code timeout} bounds each
 * wait for data from PagerDuty (a socket read timeout), not the whole exchange.
 */
public final class PagerDutyClient implements PagerDutyEvents {

    public static final String DEFAULT_EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";

    private final PagerDutyEventsClient events;
    private final UnirestTransport transport;
    private final String authority;
    private final Duration connectTimeout;
    private final Duration timeout;

    public PagerDutyClient(String eventsUrl, Duration connectTimeout, Duration timeout) {
        this.authority = authority(eventsUrl);
        this.connectTimeout = positive(connectTimeout, "connectTimeout");
        this.timeout = positive(timeout, "timeout");
        this.events = PagerDutyEventsClient.create(eventsUrl, false);
        this.transport = new UnirestTransport(connectTimeout, timeout);
    }

    @Override
    public PagerDutyAccepted send(PagerDutyEvent event) throws PagerDutyDeliveryException {
        Objects.requireNonNull(event, "event");
        UnirestTransport.Exchange exchange = transport.exchange(call(event));
        EventsApiAnswer answer = exchange.answer();
        if (answer == null) {
            throw noAnswer(exchange.failure());
        }
        if (!answer.accepted()) {
            throw answer.rejection(Instant.now());
        }
        return answer.acceptance(event.dedupKey());
    }

    /** Maps the event before anything is sent, so an event that cannot be written fails as such, not as "no answer". */
    private UnirestTransport.Call call(PagerDutyEvent event) {
        return switch (event.action()) {
            case TRIGGER -> {
                TriggerIncident trigger = DikhanEvents.trigger(event);
                yield () -> events.trigger(trigger);
            }
            case ACKNOWLEDGE -> {
                AcknowledgeIncident acknowledge = DikhanEvents.acknowledge(event);
                yield () -> events.acknowledge(acknowledge);
            }
            case RESOLVE -> {
                ResolveIncident resolve = DikhanEvents.resolve(event);
                yield () -> events.resolve(resolve);
            }
        };
    }

    private PagerDutyDeliveryException noAnswer(Exception failure) {
        IOException io = ioCause(failure);
        String message;
        if (io instanceof ConnectTimeoutException) {
            message = "could not connect to " + authority + " within " + describe(connectTimeout);
        } else if (io instanceof SocketTimeoutException) {
            message = "no answer from " + authority + " within " + describe(timeout);
        } else if (io instanceof UnknownHostException) {
            message = "unknown host: " + authority;
        } else if (io instanceof ConnectException) {
            message = "could not connect to " + authority + ": " + innermostMessage(io);
        } else if (io != null) {
            message = "lost the connection to " + authority + ": " + innermostMessage(io);
        } else {
            message = "no answer could be read from " + authority
                    + (failure == null ? "" : ": " + innermostMessage(failure));
        }
        return new PagerDutyDeliveryException(message, 0, null, failure);
    }

    private static IOException ioCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static String innermostMessage(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null) {
            innermost = innermost.getCause();
        }
        return innermost.getMessage() == null ? innermost.getClass().getSimpleName() : innermost.getMessage();
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String authority(String eventsUrl) {
        URI uri;
        try {
            uri = URI.create(Objects.requireNonNull(eventsUrl, "eventsUrl"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("eventsUrl is not a URL: " + eventsUrl, e);
        }
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("eventsUrl must be an http(s) URL, got " + eventsUrl);
        }
        return uri.getAuthority();
    }

    private static Duration positive(Duration duration, String name) {
        if (duration == null || duration.toMillis() < 1 || duration.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 1 ms and 24 days, got " + duration);
        }
        return duration;
    }
}
