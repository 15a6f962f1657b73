package dev.dialtone.bench.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialtone.bench.BenchSupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The simulator's calls to Dialtone besides signals: creating agents and a policy, and reading incidents back. */
final class DialtoneClient {

    private final HttpClient http;
    private final String base;
    private final String key;
    private final ObjectMapper json = new ObjectMapper();

    DialtoneClient(HttpClient http, String base, String key) {
        this.http = http;
        this.base = base;
        this.key = key;
    }

    /** Creates or replaces an escalation policy that pages one webhook, answering its id. */
    String putWebhookPolicy(String policyId, URI webhook) throws IOException, InterruptedException {
        Map<String, Object> target = Map.of("type", "webhook", "url", webhook.toString(),
                "secret", "simulator-webhook-secret");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Simulator on-call");
        body.put("repeat", 1);
        body.put("levels", List.of(Map.of("ackTimeout", "PT5M", "targets", List.of(target))));
        send("PUT", "/api/v1/escalation-policies/" + policyId, json.writeValueAsString(body));
        return policyId;
    }

    /** An agent configured like a small US business line: weekday hours in its zone, Saturday mornings. */
    void putAgent(SimAgent agent, String policyId) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        String city = agent.zone.getId().substring(agent.zone.getId().indexOf('/') + 1).replace('_', ' ');
        body.put("name", "Simulated intake line " + agent.index + " (" + city + ")");
        body.put("phoneNumbers", List.of(agent.phoneNumber()));
        body.put("sloTarget", 99.9);
        body.put("timezone", agent.zone.getId());
        Map<String, List<String>> hours = new LinkedHashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            hours.put(day, List.of("08:00-18:00"));
        }
        hours.put("SATURDAY", List.of("09:00-13:00"));
        body.put("businessHours", hours);
        if (policyId != null) {
            body.put("escalationPolicyId", policyId);
        }
        body.put("callSuccessTarget", 95.0);
        body.put("leadValue", 250.0);
        Map<String, Object> detection = new LinkedHashMap<>();
        detection.put("healthFailuresToOpen", 2);
        detection.put("healthSuccessesToResolve", 2);
        detection.put("badCallsToOpen", 5);
        detection.put("goodCallsToResolve", 3);
        detection.put("baselineBadRate", 0.03);
        detection.put("degradedBadRate", 0.15);
        detection.put("silence", "PT30M");
        detection.put("reopenWindow", "PT10M");
        detection.put("autoResolve", true);
        body.put("detection", detection);
        send("PUT", "/api/v1/agents/" + agent.agentId, json.writeValueAsString(body));
    }

    /** Every incident matching {@code query} (e.g. {@code status=OPEN}), following {@code nextCursor}. */
    List<JsonNode> incidents(String query, int max) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/v1/incidents?limit=200&" + query
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = json.readTree(send("GET", path, null));
            page.path("items").forEach(all::add);
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null && all.size() < max);
        return all;
    }

    /** Each agent's newest call as the read model knows it ({@code status.lastCall.occurredAt}). */
    Map<String, Instant> lastCalls() throws IOException, InterruptedException {
        Map<String, Instant> result = new LinkedHashMap<>();
        for (JsonNode agent : json.readTree(send("GET", "/api/v1/agents", null)).path("items")) {
            JsonNode at = agent.path("status").path("lastCall").path("occurredAt");
            if (at.isTextual()) {
                result.put(agent.path("agentId").asText(), Instant.parse(at.asText()));
            }
        }
        return result;
    }

    private String send(String method, String path, String body) throws IOException, InterruptedException {
        return BenchSupport.send(http, method, base + path, key, body);
    }
}
