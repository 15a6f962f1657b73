package dev.dialtone.bench.drill;

import dev.dialtone.bench.BenchSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialtone.domain.signal.api.SignalIdentity;
import dev.dialtone.domain.signal.api.SignalKind;
import dev.dialtone.domain.tenancy.TenantId;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * After a drill: is every signal the server acknowledged (the simulator's ledger, one signal id per line) in the
 * event store, and was no incident opened twice (no two incidents of one agent and kind overlapping in time)?
 * Reads the embedded PostgreSQL of a running Dialtone through its {@code postmaster.pid} (the port), and the
 * incidents over HTTP. Exits 1 when anything is missing or doubled.
 * <p>
 * Arguments: {@code dataDir=<Dialtone's data dir> ledger=<file> tenant=<tenant> url=http://localhost:18080
 * key=<api key>}.
 */
public final class LedgerCheck {

    private static final int CHUNK = 5000;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(BenchSupport.stringArg(args, "dataDir", null));
        TenantId tenant = new TenantId(BenchSupport.stringArg(args, "tenant", "drill"));
        List<String> acknowledged;
        try (Stream<String> lines = Files.lines(Path.of(BenchSupport.stringArg(args, "ledger", null)))) {
            acknowledged = lines.map(String::trim).filter(line -> !line.isEmpty()).distinct().toList();
        }
        int port = Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(3)
                .trim());
        List<String> missing = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/dialtone",
                "postgres", "")) {
            for (int from = 0; from < acknowledged.size(); from += CHUNK) {
                List<String> chunk = acknowledged.subList(from, Math.min(acknowledged.size(), from + CHUNK));
                Set<String> stored = stored(db, tenant, chunk);
                chunk.stream().filter(id -> !stored.contains(id)).forEach(missing::add);
            }
        }
        System.out.printf("acknowledged signals: %,d; found in the event store: %,d; missing: %,d%n",
                acknowledged.size(), acknowledged.size() - missing.size(), missing.size());
        missing.stream().limit(20).forEach(id -> System.out.println("  missing: " + id));
        int doubled = incidentsOpenedTwice(BenchSupport.stringArg(args, "url", "http://localhost:18080"),
                BenchSupport.stringArg(args, "key", null));
        System.exit(missing.isEmpty() && doubled == 0 ? 0 : 1);
    }

    /** The ids of {@code ids} whose event is stored, as a call or as a health check. */
    private static Set<String> stored(Connection db, TenantId tenant, List<String> ids) throws Exception {
        Map<String, String> byEventId = new LinkedHashMap<>();
        for (String id : ids) {
            for (SignalKind kind : SignalKind.values()) {
                byEventId.put(SignalIdentity.eventIdentifier(tenant, kind, id), id);
            }
        }
        Set<String> found = new HashSet<>();
        try (PreparedStatement query = db.prepareStatement(
                "SELECT eventIdentifier FROM DomainEventEntry WHERE eventIdentifier = ANY (?)")) {
            Array array = db.createArrayOf("varchar", byEventId.keySet().toArray());
            query.setArray(1, array);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(byEventId.get(rows.getString(1)));
                }
            }
        }
        return found;
    }

    /** Incidents of one agent and kind whose lifetimes overlap: one problem counted twice. */
    private static int incidentsOpenedTwice(String url, String key) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, List<JsonNode>> byAgentAndKind = new LinkedHashMap<>();
        String cursor = null;
        int total = 0;
        do {
            String page = url + "/api/v1/incidents?limit=200" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode body = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(page))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode incident : body.get("items")) {
                byAgentAndKind.computeIfAbsent(incident.get("agentId").asText() + "/" + incident.get("kind").asText(),
                        k -> new ArrayList<>()).add(incident);
                total++;
            }
            cursor = body.hasNonNull("nextCursor") ? body.get("nextCursor").asText() : null;
        } while (cursor != null);
        int doubled = 0;
        for (var entry : byAgentAndKind.entrySet()) {
            List<JsonNode> incidents = entry.getValue();
            for (int i = 0; i < incidents.size(); i++) {
                for (int j = i + 1; j < incidents.size(); j++) {
                    if (overlap(incidents.get(i), incidents.get(j))) {
                        doubled++;
                        System.out.println("  opened twice? " + incidents.get(i).get("id").asText() + " and "
                                + incidents.get(j).get("id").asText());
                    }
                }
            }
        }
        System.out.printf("incidents: %d over %d agent/kind pairs; overlapping pairs (opened twice): %d%n", total,
                byAgentAndKind.size(), doubled);
        return doubled;
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        Instant aStart = Instant.parse(a.get("startedAt").asText());
        Instant bStart = Instant.parse(b.get("startedAt").asText());
        Instant aEnd = end(a);
        Instant bEnd = end(b);
        return aStart.isBefore(bEnd) && bStart.isBefore(aEnd);
    }

    private static Instant end(JsonNode incident) {
        return incident.hasNonNull("resolvedAt") ? Instant.parse(incident.get("resolvedAt").asText()) : Instant.MAX;
    }

}
