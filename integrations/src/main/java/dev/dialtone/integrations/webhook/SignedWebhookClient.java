package dev.dialtone.integrations.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * POSTs JSON to a webhook, signed with {@code X-Dialtone-Signature} (HMAC-SHA256 of the body, hex) when a secret is
 * configured, and with an {@code Idempotency-Key} that stays the same on every retry of one delivery so the
 * receiver can drop repeats. Blocking: call it from a worker thread, never from an event loop.
 */
public final class SignedWebhookClient {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_ERROR_BODY = 300;

    private final HttpClient http;
    private final Duration timeout;

    public SignedWebhookClient(Duration connectTimeout, Duration timeout) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
    }

    /** Returns a short description of the 2xx answer; throws for anything else. */
    public String post(String url, byte[] json, String secret, String idempotencyKey)
            throws WebhookDeliveryException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Dialtone-Webhook/1")
                .header(IDEMPOTENCY_KEY, idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        if (secret != null && !secret.isEmpty()) {
            request.header(Signatures.HEADER, Signatures.hmacSha256Hex(secret, json));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new WebhookDeliveryException("no answer within " + timeout.toSeconds() + " s", 0, e);
        } catch (IOException e) {
            throw new WebhookDeliveryException("could not reach " + URI.create(url).getHost() + ": " + e, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookDeliveryException("interrupted", 0, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            String body = response.body() == null ? "" : response.body();
            throw new WebhookDeliveryException("HTTP " + status
                    + (body.isBlank() ? "" : ": " + body.substring(0, Math.min(MAX_ERROR_BODY, body.length()))),
                    status, null);
        }
        return "HTTP " + status;
    }
}
