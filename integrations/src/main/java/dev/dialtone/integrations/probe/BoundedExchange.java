package dev.dialtone.integrations.probe;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange with a deadline over the whole answer, body included, and a cap on the body kept: the client's
 * own request timeout stops at the response headers, so a peer that trickles its body would otherwise hold a probe
 * thread for as long as it likes. Network trouble comes back as a {@link Failed} with a reason a responder can read.
 */
final class BoundedExchange {

    private BoundedExchange() {
    }

    sealed interface Outcome permits Answered, Failed {
    }

    /** The peer answered; {@code truncated} when the body went past the cap and was cut off. */
    record Answered(int status, HttpHeaders headers, byte[] body, boolean truncated, long latencyMs)
            implements Outcome {
    }

    record Failed(String reason) implements Outcome {
    }

    /**
     * @throws CancellationException when the calling thread is interrupted (the interrupt flag stays set): a probe cut
     *                               short by shutdown has learnt nothing about the peer and must not report it down
     */
    static Outcome send(HttpClient http, HttpRequest request, Duration deadline, int maxBodyBytes) {
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<Body>> exchange =
                http.sendAsync(request, response -> new CappedBodySubscriber(maxBodyBytes));
        try {
            HttpResponse<Body> response = exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            Body body = response.body();
            return new Answered(response.statusCode(), response.headers(), body.bytes(), body.truncated(), latencyMs);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new Failed(timeout(deadline));
        } catch (ExecutionException e) {
            return new Failed(describe(e.getCause(), request.uri(), deadline));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("probe interrupted");
        }
    }

    static String timeout(Duration deadline) {
        return "timeout after " + deadline.toMillis() + " ms";
    }

    static String describe(Throwable failure, URI target, Duration deadline) {
        if (failure instanceof Error error) {
            throw error;
        }
        Throwable tls = find(failure, SSLException.class);
        if (tls != null) {
            return "TLS: " + message(tls);
        }
        if (find(failure, HttpConnectTimeoutException.class) != null) {
            return "connect timeout to " + endpoint(target);
        }
        if (find(failure, HttpTimeoutException.class) != null) {
            return timeout(deadline);
        }
        if (find(failure, UnresolvedAddressException.class) != null
                || find(failure, UnknownHostException.class) != null) {
            return "unknown host " + target.getHost();
        }
        Throwable connect = find(failure, ConnectException.class);
        if (connect != null) {
            // the JDK client often reports a refused connect without any message, down to the cause
            String message = deepestMessage(connect);
            return "could not connect to " + endpoint(target)
                    + (message == null ? " (refused or unreachable)" : ": " + message);
        }
        return "connection failed: " + message(failure);
    }

    private static String endpoint(URI target) {
        int port = target.getPort() != -1 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        return target.getHost() + ":" + port;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String deepestMessage(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message;
    }

    private static String message(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    private record Body(byte[] bytes, boolean truncated) {
    }

    /** Keeps the first {@code max} bytes and then cancels, which closes the connection instead of draining it. */
    private static final class CappedBodySubscriber implements HttpResponse.BodySubscriber<Body> {

        private final int max;
        private final CompletableFuture<Body> result = new CompletableFuture<>();
        private byte[] buffer = new byte[0];
        private int size;
        private Flow.Subscription subscription;

        CappedBodySubscriber(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<Body> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                int take = Math.min(item.remaining(), max - size);
                if (take > 0) {
                    ensureCapacity(size + take);
                    item.get(buffer, size, take);
                    size += take;
                }
                if (item.hasRemaining()) {
                    subscription.cancel();
                    result.complete(new Body(Arrays.copyOf(buffer, size), true));
                    return;
                }
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(new Body(Arrays.copyOf(buffer, size), false));
        }

        private void ensureCapacity(int needed) {
            if (needed > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(max, Math.max(needed, buffer.length * 2 + 1024)));
            }
        }
    }
}
