package dev.dialtone.bench.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One of the {@code clients} HTTP senders: takes batches off the queue and POSTs them until Dialtone acknowledges,
 * the way a well-behaved forwarder does. 429 and 503 are back-pressure: wait {@code Retry-After} and resend the same
 * batch (same ids, so nothing is stored twice). No answer at all (the server is restarting, or was killed): retry
 * with exponential backoff. Another 5xx is a defect of the server: count it, say so loudly, move on.
 */
final class Sender implements Runnable {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    static final long MAX_BACKOFF_MILLIS = 5_000;
    private static final int LOUD_LIMIT = 20;
    private static final AtomicLong LOUD = new AtomicLong();

    private final HttpClient http;
    private final String base;
    private final String key;
    private final BlockingQueue<Batch> queue;
    private final Stats stats;
    private final Ledger ledger;
    private final AtomicBoolean generationDone;
    private final AtomicBoolean aborted;
    private final ObjectMapper json = new ObjectMapper();

    Sender(HttpClient http, String base, String key, BlockingQueue<Batch> queue, Stats stats, Ledger ledger,
           AtomicBoolean generationDone, AtomicBoolean aborted) {
        this.http = http;
        this.base = base;
        this.key = key;
        this.queue = queue;
        this.stats = stats;
        this.ledger = ledger;
        this.generationDone = generationDone;
        this.aborted = aborted;
    }

    @Override
    public void run() {
        try {
            while (!aborted.get()) {
                Batch batch = queue.poll(100, TimeUnit.MILLISECONDS);
                if (batch == null) {
                    if (generationDone.get() && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                send(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Batch batch) throws InterruptedException {
        stats.sent.add(batch.size());
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + batch.path()))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(batch.body()))
                .build();
        int failures = 0;
        while (!aborted.get()) {
            long t0 = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                stats.connectionErrors.increment();
                pause(backoffMillis(failures++));
                continue;
            }
            stats.latencyMicros((System.nanoTime() - t0) / 1000);
            stats.requests.increment();
            int status = response.statusCode();
            stats.status(status);
            if (status == 200 || status == 202) {
                acknowledged(batch, response.body());
                return;
            }
            if (status == 429 || status == 503) {
                stats.refusedRequests.increment();
                stats.refusedSignals.add(batch.size());
                long wait = retryAfterMillis(response, backoffMillis(failures++));
                pause(wait);
                continue;
            }
            if (status >= 500) {
                stats.errorRequests.increment();
                stats.errorSignals.add(batch.size());
                loud("ERROR: " + status + " from POST " + batch.path() + " (" + batch.size()
                        + " signals, first " + batch.ids().get(0) + "): " + abbreviate(response.body()));
            } else {
                stats.rejectedSignals.add(batch.size());
                loud("REJECTED: " + status + " from POST " + batch.path() + " (" + batch.size()
                        + " signals, first " + batch.ids().get(0) + "): " + abbreviate(response.body()));
            }
            return;
        }
        stats.abandoned.add(batch.size());
    }

    private void acknowledged(Batch batch, String body) {
        stats.acknowledged.add(batch.size());
        try {
            JsonNode counts = json.readTree(body);
            stats.accepted.add(counts.path("accepted").asLong());
            stats.duplicates.add(counts.path("duplicates").asLong());
        } catch (IOException e) {
            loud("WARNING: a 202 whose body is not the contract's {accepted, duplicates}: " + abbreviate(body));
        }
        if (ledger != null) {
            ledger.acknowledged(batch.ids());
        }
    }

    /** Sleeps in short steps, so that stopping the run does not wait out a long Retry-After. */
    private void pause(long millis) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!aborted.get()) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }

    static long backoffMillis(int failures) {
        return Math.min(MAX_BACKOFF_MILLIS, 100L << Math.min(failures, 10));
    }

    /** {@code Retry-After} in seconds or as an HTTP date (RFC 9110 10.2.3); without one, the backoff. */
    static long retryAfterMillis(HttpResponse<?> response, long fallback) {
        return response.headers().firstValue("Retry-After").map(value -> retryAfterMillis(value, fallback))
                .orElse(fallback);
    }

    static long retryAfterMillis(String value, long fallback) {
        String text = value.trim();
        try {
            return Math.min(TimeUnit.MINUTES.toMillis(10), Math.max(0, Long.parseLong(text)) * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Math.max(0, Math.min(TimeUnit.MINUTES.toMillis(10),
                        Duration.between(Instant.now(), at).toMillis()));
            } catch (RuntimeException notDate) {
                return fallback;
            }
        }
    }

    private static void loud(String message) {
        long n = LOUD.incrementAndGet();
        if (n <= LOUD_LIMIT) {
            System.out.println("!!! " + message);
        } else if (n == LOUD_LIMIT + 1) {
            System.out.println("!!! (further errors are only counted)");
        }
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 400 ? flat.substring(0, 400) + "..." : flat;
    }
}
