package dev.dialtone.bench;

import dev.dialtone.integrations.voice.RetellSignature;
import dev.dialtone.integrations.voice.TwilioSignature;
import org.HdrHistogram.Histogram;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How fast a voice platform's webhook is answered (verified, parsed and durably stored): Retell JSON and Twilio
 * form callbacks, each signed as the platform signs, from {@code clients} concurrent senders.
 * <p>
 * Arguments: {@code requests=4000 clients=4 agents=20}.
 */
public final class WebhookBenchmark {

    public static void main(String[] args) throws Exception {
        int requests = BenchSupport.intArg(args, "requests", 4000);
        int clients = BenchSupport.intArg(args, "clients", 4);
        int agents = BenchSupport.intArg(args, "agents", 20);
        try (ConfigurableApplicationContext app = BenchSupport.start(Files.createTempDirectory("dialtone-hook-bench-"))) {
            String base = BenchSupport.baseUrl(app);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int a = 0; a < agents; a++) {
                BenchSupport.send(http, "PUT", base + "/api/v1/agents/hook-" + a, """
                        {"name": "Hook %d", "webhookSecrets": {"retell": "retell-key", "twilio": "twilio-token"}}"""
                        .formatted(a));
            }
            for (String platform : List.of("retell", "twilio")) {
                run(http, base, platform, requests / 10, clients, agents, new AtomicInteger(1_000_000));
                Histogram latency = run(http, base, platform, requests, clients, agents, new AtomicInteger());
                System.out.printf("%-7s webhooks: %d requests, %d clients: p50 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                        platform, latency.getTotalCount(), clients, latency.getValueAtPercentile(50) / 1000.0,
                        latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0);
            }
        }
        System.exit(0);
    }

    private static Histogram run(HttpClient http, String base, String platform, int requests, int clients,
                                 int agents, AtomicInteger ids) throws Exception {
        Histogram latency = new Histogram(3);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (int i = 0; i < requests / clients; i++) {
                    int n = ids.incrementAndGet();
                    HttpRequest request = platform.equals("retell") ? retell(base, "hook-" + n % agents, n)
                            : twilio(base, "hook-" + n % agents, n);
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    long micros = (System.nanoTime() - start) / 1000;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(platform + " answered " + response.statusCode() + ": "
                                + response.body());
                    }
                    synchronized (latency) {
                        latency.recordValue(micros);
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        pool.shutdown();
        return latency;
    }

    private static HttpRequest retell(String base, String agent, int n) {
        long end = Instant.now().toEpochMilli();
        byte[] body = """
                {"event": "call_ended", "call": {"call_type": "phone_call", "direction": "inbound",
                 "call_id": "bench-call-%d", "start_timestamp": %d, "end_timestamp": %d,
                 "disconnection_reason": "%s"}}""".formatted(n, end - 60_000, end,
                n % 20 == 0 ? "error_llm_websocket_open" : "user_hangup").getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(base + "/webhooks/retell/" + agent))
                .header("Content-Type", "application/json")
                .header(RetellSignature.HEADER, RetellSignature.sign("retell-key", body, Instant.now()))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static HttpRequest twilio(String base, String agent, int n) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", "CAbench" + n);
        params.put("CallStatus", n % 20 == 0 ? "no-answer" : "completed");
        params.put("Direction", "inbound");
        params.put("CallDuration", "42");
        params.put("AccountSid", "ACbench");
        String path = "/webhooks/twilio/" + agent;
        StringBuilder form = new StringBuilder();
        params.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        // what Twilio signs is the public URL: dialtone.public-base-url (default http://localhost:8080) + path
        String signature = TwilioSignature.compute("twilio-token", "http://localhost:8080" + path, params);
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(TwilioSignature.HEADER, signature)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
    }
}
