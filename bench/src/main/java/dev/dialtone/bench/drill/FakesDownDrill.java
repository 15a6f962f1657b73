package dev.dialtone.bench.drill;

import dev.dialtone.bench.BenchSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drill (d): PagerDuty and Slack are down (connection refused) while incidents open, are acknowledged and resolved;
 * when they come back, everything must be delivered: every incident's PagerDuty events once each, in the order they
 * were decided (trigger, acknowledge, resolve), and each Slack channel opened once with its steps, none twice.
 * Dialtone must have been started with {@code dialtone.pagerduty.events-url=http://127.0.0.1:<port>/v2/enqueue},
 * {@code dialtone.slack.api-url=http://127.0.0.1:<port>/api/}, a bot token and {@code dialtone.slack.tenant} = the
 * key's tenant. The fakes here speak just enough of both wire formats.
 * <p>
 * Arguments: {@code url=http://localhost:18080 key=<operator key> port=18099 downMinutes=5 incidents=3}.
 */
public final class FakesDownDrill {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CHANNELS = new ConcurrentHashMap<>();

    record Request(Instant at, String path, String body) {
    }

    public static void main(String[] args) throws Exception {
        String url = BenchSupport.stringArg(args, "url", "http://localhost:18080");
        String key = BenchSupport.stringArg(args, "key", null);
        int port = Integer.parseInt(BenchSupport.stringArg(args, "port", "18099"));
        Duration down = Duration.ofMinutes(Long.parseLong(BenchSupport.stringArg(args, "downMinutes", "5")));
        int incidents = Integer.parseInt(BenchSupport.stringArg(args, "incidents", "3"));
        List<Request> seen = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        String run = "fd" + (System.currentTimeMillis() % 100000);
        String routingKey = ("R" + run + "00000000000000000000000000000000").substring(0, 32);
        BenchSupport.send(http, "PUT", url + "/api/v1/escalation-policies/" + run, key, """
                {"name": "Fakes down", "levels": [{"ackTimeout": "PT10M", "targets": [
                  {"type": "pagerduty", "routingKey": "%s"}, {"type": "slack", "channel": "C0%s"}]}]}"""
                .formatted(routingKey, run.toUpperCase()));
        System.out.printf("[%s] PagerDuty and Slack are down for %d min%n", Instant.now(), down.toMinutes());
        Instant back = Instant.now().plus(down);
        for (int i = 0; i < incidents; i++) {
            String agent = run + "-" + i;
            BenchSupport.send(http, "PUT", url + "/api/v1/agents/" + agent, key, """
                    {"name": "Fakes down %d", "timezone": "UTC", "escalationPolicyId": "%s"}""".formatted(i, run));
            Instant now = Instant.now();
            BenchSupport.send(http, "POST", url + "/api/v1/signals/health-checks", key, """
                    [{"id": "%s-d1", "agentId": "%s", "check": "sip", "occurredAt": "%s", "status": "DOWN"},
                     {"id": "%s-d2", "agentId": "%s", "check": "sip", "occurredAt": "%s", "status": "DOWN"}]"""
                    .formatted(agent, agent, now.minusSeconds(5), agent, agent, now));
        }
        Thread.sleep(5_000);
        for (int i = 0; i < incidents; i++) {
            String incident = run + "-" + i + "-1";
            if (i % 3 != 2) {
                BenchSupport.send(http, "POST", url + "/api/v1/incidents/" + incident + "/acknowledge", key,
                        "{\"by\": \"drill\"}");
            }
            if (i % 3 == 1) {
                BenchSupport.send(http, "POST", url + "/api/v1/incidents/" + incident + "/resolve", key,
                        "{\"by\": \"drill\"}");
            }
        }
        System.out.printf("[%s] %d incidents opened, some acknowledged and resolved, while nothing was reachable%n",
                Instant.now(), incidents);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), back).toMillis()));
        HttpServer fakes = fakes(port, seen);
        System.out.printf("[%s] PagerDuty and Slack are back%n", Instant.now());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
        boolean delivered = false;
        while (!delivered && Instant.now().isBefore(deadline)) {
            Thread.sleep(5_000);
            delivered = true;
            for (int i = 0; i < incidents && delivered; i++) {
                JsonNode detail = JSON.readTree(BenchSupport.send(http, "GET",
                        url + "/api/v1/incidents/" + run + "-" + i + "-1", key,
                        null));
                for (JsonNode entry : detail.get("timeline")) {
                    if (entry.get("type").asText().equals("notification-requested")) {
                        String id = entry.get("detail").asText().replaceAll(".*\\((.*)\\)$", "$1");
                        delivered &= hasDelivery(detail, id);
                    }
                }
                delivered &= detail.hasNonNull("slackChannel");
            }
        }
        Thread.sleep(10_000); // anything sent twice would show up by now
        fakes.stop(0);
        boolean ok = delivered && check(seen, run, routingKey, incidents);
        System.out.println(ok ? "DRILL PASSED" : "DRILL FAILED" + (delivered ? "" : ": not everything was delivered"));
        System.exit(ok ? 0 : 1);
    }

    private static boolean hasDelivery(JsonNode detail, String notificationId) {
        for (JsonNode entry : detail.get("timeline")) {
            if (entry.get("type").asText().equals("notification-delivered")
                    && entry.get("detail").asText().startsWith(notificationId + " ")) {
                return true;
            }
        }
        return false;
    }

    private static boolean check(List<Request> seen, String run, String routingKey, int incidents) throws IOException {
        boolean ok = true;
        for (int i = 0; i < incidents; i++) {
            String incident = run + "-" + i + "-1";
            List<String> actions = new ArrayList<>();
            for (Request r : seen) {
                if (r.path().equals("/v2/enqueue")) {
                    JsonNode event = JSON.readTree(r.body());
                    if (event.get("dedup_key").asText().equals("dialtone/" + incident)
                            && event.get("routing_key").asText().equals(routingKey)) {
                        actions.add(event.get("event_action").asText());
                    }
                }
            }
            List<String> expected = new ArrayList<>(List.of("trigger"));
            if (i % 3 != 2) {
                expected.add("acknowledge");
            }
            if (i % 3 == 1) {
                expected.add("resolve");
            }
            String suffix = "-" + run + "-" + i + "-1";
            long channels = seen.stream().filter(r -> r.path().equals("/api/conversations.create")
                    && form(r.body()).getOrDefault("name", "").endsWith(suffix)).count();
            String channelId = CHANNELS.entrySet().stream().filter(e -> e.getKey().endsWith(suffix))
                    .map(Map.Entry::getValue).findFirst().orElse("none");
            List<String> steps = seen.stream().filter(r -> r.path().equals("/api/chat.postMessage"))
                    .map(r -> form(r.body()))
                    .filter(f -> channelId.equals(f.get("channel"))
                            && !f.getOrDefault("blocks", "").contains("dialtone_"))
                    .map(f -> f.get("text")).toList();
            boolean fine = actions.equals(expected) && channels == 1 && !steps.isEmpty()
                    && steps.size() == steps.stream().distinct().count();
            System.out.printf("%s: PagerDuty %s (expected %s), Slack channel opened %d time(s), %d steps posted%s"
                            + " -> %s%n",
                    incident, actions, expected, channels, steps.size(),
                    steps.size() == steps.stream().distinct().count() ? "" : " WITH REPEATS", fine ? "ok" : "WRONG");
            ok &= fine;
        }
        return ok;
    }

    private static HttpServer fakes(int port, List<Request> seen) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        AtomicInteger ids = new AtomicInteger();
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            seen.add(new Request(Instant.now(), path, body));
            String answer;
            int status = 200;
            if (path.equals("/v2/enqueue")) {
                status = 202;
                answer = "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"x\"}";
            } else if (path.equals("/api/conversations.create")) {
                String name = form(body).getOrDefault("name", "x");
                String id = CHANNELS.computeIfAbsent(name, n -> "C" + ids.incrementAndGet());
                answer = "{\"ok\":true,\"channel\":{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}}";
            } else if (path.equals("/api/chat.postMessage")) {
                answer = "{\"ok\":true,\"channel\":\"" + form(body).getOrDefault("channel", "C0") + "\",\"ts\":\""
                        + System.currentTimeMillis() + "." + ids.incrementAndGet() + "\"}";
            } else {
                answer = "{\"ok\":true}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.startsWith("{")) {
            return form;
        }
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return form;
    }

}
