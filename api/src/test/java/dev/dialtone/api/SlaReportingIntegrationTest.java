package dev.dialtone.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialtone.api.support.IntegrationTestBase;
import dev.dialtone.api.support.Payloads;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.dialtone.api.support.TestKeys.JONES_OPERATOR;
import static dev.dialtone.api.support.TestKeys.SMITH_INGEST;
import static dev.dialtone.api.support.TestKeys.SMITH_OPERATOR;
import static dev.dialtone.api.support.TestKeys.SMITH_READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * SLA reports over REST and GraphQL, from signals posted like a voice platform would, and the read-model rebuild.
 * March 2026 in Los Angeles runs from 2026-03-01T08:00Z to 2026-04-01T07:00Z: 743 hours (the clocks went forward
 * on March 8), 2,674,800 seconds.
 */
class SlaReportingIntegrationTest extends IntegrationTestBase {

    private static final AtomicInteger AGENTS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MARCH_SECONDS = 2_674_800;

    @Test
    void aMonthReportFollowsTheAgentsTimeZoneExcludesMaintenanceAndCountsCallsAndLeads() throws Exception {
        String agent = marchAgent();

        JsonNode report = awaitReport(agent, "month=2026-03", r -> r.get("incidents").asInt() == 1
                && r.get("calls").get("total").asInt() == 7 && r.get("mttrSeconds").isNumber());
        assertThat(report.get("from").asText()).isEqualTo("2026-03-01T08:00:00Z");
        assertThat(report.get("to").asText()).isEqualTo("2026-04-01T07:00:00Z");
        // outage 17:00-17:31Z, maintenance 17:20-17:40Z: 20 minutes down, 20 minutes not counted
        assertThat(report.get("maintenanceSeconds").asDouble()).isEqualTo(1200.0);
        assertThat(report.get("downtimeSeconds").asDouble()).isEqualTo(1200.0);
        double counted = MARCH_SECONDS - 1200;
        assertThat(report.get("uptimePercent").asDouble()).isCloseTo(99.95511669658886, within(1e-9));
        assertThat(report.get("allowedDowntimeSeconds").asDouble()).isCloseTo(counted * 0.001, within(1e-6));
        assertThat(report.get("errorBudgetRemaining").asDouble()).isCloseTo(0.5511669658886894, within(1e-9));
        assertThat(report.get("sloTarget").asDouble()).isEqualTo(99.9);
        assertThat(report.get("slaMet").asBoolean()).isTrue();
        assertThat(report.get("degradedSeconds").asDouble()).isZero();
        assertThat(report.get("mttaSeconds").isNull()).isTrue();   // nobody acknowledged it
        assertThat(report.get("mttrSeconds").asDouble()).isEqualTo(1800.0); // detected 17:01, recovered 17:31
        // the 23:30 PST call on Feb 28 and the midnight PDT call on April 1 fall outside
        assertThat(report.get("calls")).isEqualTo(JSON.readTree("""
                {"total": 7, "answered": 2, "transferred": 1, "missed": 1, "dropped": 1, "transferFailed": 0,
                 "abandoned": 1, "outbound": 1}"""));
        assertThat(report.get("callSuccessRate").asDouble()).isEqualTo(60.0);  // 3 good of 5 judged
        assertThat(report.get("missedLeads").asInt()).isEqualTo(2);
        assertThat(report.get("estimatedLostRevenue").asDouble()).isEqualTo(900.0);

        // the same window given explicitly
        JsonNode explicit = report(agent, "from=2026-03-01T08:00:00Z&to=2026-04-01T07:00:00Z");
        assertThat(withoutAsOf(explicit)).isEqualTo(withoutAsOf(report));

        // as of a time before any of it was recorded, the month was quiet and fully up
        JsonNode before = report(agent, "month=2026-03&asOf=2026-03-01T00:00:00Z");
        assertThat(before.get("uptimePercent").asDouble()).isEqualTo(100.0);
        assertThat(before.get("incidents").asInt()).isZero();
        assertThat(before.get("calls").get("total").asInt()).isZero();
        assertThat(before.get("callSuccessRate").isNull()).isTrue();
        assertThat(before.get("asOf").asText()).isEqualTo("2026-03-01T00:00:00Z");

        // a call reported late restates the month
        post(SMITH_INGEST, "/api/v1/signals/calls", Payloads.call(agent + "-late", agent, "2026-03-18T18:00:00Z",
                "MISSED")).expectStatus().isAccepted();
        JsonNode restated = awaitReport(agent, "month=2026-03", r -> r.get("missedLeads").asInt() == 3);
        assertThat(restated.get("estimatedLostRevenue").asDouble()).isEqualTo(1350.0);
        assertThat(restated.get("callSuccessRate").asDouble()).isEqualTo(50.0);

        // April, with no evidence at all, is a hundred percent
        JsonNode april = report(agent, "month=2026-04");
        assertThat(april.get("uptimePercent").asDouble()).isEqualTo(100.0);
        assertThat(april.get("errorBudgetRemaining").asDouble()).isEqualTo(1.0);
        assertThat(april.get("calls").get("total").asInt()).isEqualTo(1);  // April 1, 00:00 PDT
    }

    @Test
    void theTenantSummaryAndCsvExportCoverEveryAgentOfTheTenantOnly() throws Exception {
        String agent = marchAgent();
        awaitReport(agent, "month=2026-03", r -> r.get("calls").get("total").asInt() == 7);

        JsonNode summary = body(get(SMITH_READER, "/api/v1/sla?month=2026-03").expectStatus().isOk());
        assertThat(summary.get("items").findValuesAsText("agentId")).contains(agent);
        JsonNode jones = body(get(JONES_OPERATOR, "/api/v1/sla?month=2026-03").expectStatus().isOk());
        assertThat(jones.get("items").findValuesAsText("agentId")).doesNotContain(agent);
        get(JONES_OPERATOR, "/api/v1/agents/" + agent + "/sla?month=2026-03").expectStatus().isNotFound();

        String csv = as(SMITH_READER).get().uri("/api/v1/agents/" + agent + "/sla?month=2026-03")
                .accept(MediaType.parseMediaType("text/csv")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class).returnResult().getResponseBody();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(2);
        List<String> header = List.of(lines.get(0).split(","));
        List<String> row = List.of(lines.get(1).split(",", -1));
        assertThat(header).startsWith("agentId", "from", "to").contains("uptimePercent", "missedLeads");
        assertThat(row.get(header.indexOf("agentId"))).isEqualTo(agent);
        assertThat(row.get(header.indexOf("downtimeSeconds"))).isEqualTo("1200.0");
        assertThat(row.get(header.indexOf("missedLeads"))).isEqualTo("2");
        assertThat(row.get(header.indexOf("mttaSeconds"))).isEmpty();

        String all = as(SMITH_READER).get().uri("/api/v1/sla?month=2026-03")
                .accept(MediaType.parseMediaType("text/csv")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(all.lines().skip(1).map(l -> l.split(",")[0])).contains(agent)
                .hasSize(summary.get("items").size());
    }

    @Test
    void badPeriodsAreNamedAndUnknownAgentsAreNotFound() {
        String agent = marchAgent();
        get(SMITH_READER, "/api/v1/agents/" + agent + "/sla?month=2026-13").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("month");
        get(SMITH_READER, "/api/v1/agents/" + agent + "/sla?from=2026-03-01T00:00:00Z").expectStatus()
                .isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
        get(SMITH_READER, "/api/v1/agents/" + agent + "/sla?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
        get(SMITH_READER, "/api/v1/agents/" + agent + "/sla?month=2026-03&asOf=yesterday").expectStatus()
                .isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("asOf");
        get(SMITH_READER, "/api/v1/agents/" + agent + "/sla").expectStatus().isBadRequest();
        get(SMITH_READER, "/api/v1/sla").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("month");
        get(SMITH_READER, "/api/v1/agents/no-such-agent/sla?month=2026-03").expectStatus().isNotFound();
        http.get().uri("/api/v1/sla?month=2026-03").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void graphqlReadsTheSameReportAndIncidentsOfTheCallersTenantOnly() throws Exception {
        String agent = marchAgent();
        JsonNode rest = awaitReport(agent, "month=2026-03", r -> r.get("incidents").asInt() == 1
                && r.get("calls").get("total").asInt() == 7 && r.get("mttrSeconds").isNumber());

        JsonNode data = graphql(SMITH_READER, """
                query($id: ID!) { agent(id: $id) { id name timezone
                  sla(month: "2026-03") { uptimePercent downtimeSeconds maintenanceSeconds missedLeads
                                          calls { total missed } }
                  incidents { id kind status severity runbookUrl timeline { type } } } }""",
                Map.of("id", agent)).get("data").get("agent");
        assertThat(data.get("timezone").asText()).isEqualTo("America/Los_Angeles");
        JsonNode sla = data.get("sla");
        assertThat(sla.get("uptimePercent").asDouble()).isEqualTo(rest.get("uptimePercent").asDouble());
        assertThat(sla.get("downtimeSeconds").asDouble()).isEqualTo(1200.0);
        assertThat(sla.get("missedLeads").asInt()).isEqualTo(2);
        assertThat(sla.get("calls").get("total").asInt()).isEqualTo(7);
        JsonNode incident = data.get("incidents").get(0);
        assertThat(incident.get("id").asText()).isEqualTo(agent + "-1");
        assertThat(incident.get("kind").asText()).isEqualTo("OUTAGE");
        assertThat(incident.get("severity").asText()).isEqualTo("critical");
        assertThat(incident.get("runbookUrl").asText()).contains("/runbooks/outage?incident=" + agent + "-1&sig=");
        assertThat(incident.get("timeline").findValuesAsText("type")).contains("opened", "resolved");

        JsonNode report = graphql(SMITH_READER, """
                { slaReport(agentId: "%s", from: "2026-03-01T08:00:00Z", to: "2026-04-01T07:00:00Z") {
                    from to uptimePercent errorBudgetRemaining mttrSeconds slaMet } }""".formatted(agent), Map.of())
                .get("data").get("slaReport");
        assertThat(report.get("uptimePercent").asDouble()).isEqualTo(rest.get("uptimePercent").asDouble());
        assertThat(report.get("errorBudgetRemaining").asDouble())
                .isEqualTo(rest.get("errorBudgetRemaining").asDouble());
        assertThat(report.get("mttrSeconds").asDouble()).isEqualTo(1800.0);

        JsonNode page = graphql(SMITH_READER, """
                { incidents(filter: {agentId: "%s"}, first: 5) { items { id status } nextCursor } }"""
                .formatted(agent), Map.of()).get("data").get("incidents");
        assertThat(page.get("items").findValuesAsText("id")).containsExactly(agent + "-1");

        // another tenant sees nothing of it
        JsonNode foreign = graphql(JONES_OPERATOR, """
                { agent(id: "%s") { id } incident(id: "%s-1") { id }
                  slaReport(agentId: "%s", from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z") { uptimePercent }
                  agents { id } incidents(filter: {agentId: "%s"}) { items { id } } }"""
                .formatted(agent, agent, agent, agent), Map.of()).get("data");
        assertThat(foreign.get("agent").isNull()).isTrue();
        assertThat(foreign.get("incident").isNull()).isTrue();
        assertThat(foreign.get("slaReport").isNull()).isTrue();
        assertThat(foreign.get("agents").findValuesAsText("id")).doesNotContain(agent);
        assertThat(foreign.get("incidents").get("items")).isEmpty();

        JsonNode invalid = graphql(SMITH_READER, """
                { slaReport(agentId: "%s", from: "2026-03-02T00:00:00Z", to: "2026-03-01T00:00:00Z") { uptimePercent } }"""
                .formatted(agent), Map.of());
        assertThat(invalid.get("errors").get(0).get("extensions").get("classification").asText())
                .isEqualTo("BAD_REQUEST");
        assertThat(invalid.get("errors").get(0).get("message").asText()).contains("to");

        as(SMITH_INGEST).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ agents { id } }\"}").exchange().expectStatus().isForbidden();
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ agents { id } }\"}").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void graphqlMutationsNeedTheOperatorRoleAndActOnTheCallersIncidentsOnly() throws Exception {
        String agent = liveAgent();
        Instant now = Instant.now();
        health(agent, "DOWN", now.minusSeconds(20), "a");
        health(agent, "DOWN", now.minusSeconds(10), "b");
        String incidentId = agent + "-1";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get(SMITH_READER, "/api/v1/incidents/" + incidentId).expectStatus().isOk());

        String acknowledge = """
                mutation($id: ID!) { acknowledgeIncident(input: {incidentId: $id, by: "alice"}) { incidentId status by } }""";
        JsonNode denied = graphql(SMITH_READER, acknowledge, Map.of("id", incidentId));
        assertThat(denied.get("errors").get(0).get("extensions").get("classification").asText())
                .isEqualTo("FORBIDDEN");
        JsonNode foreign = graphql(JONES_OPERATOR, acknowledge, Map.of("id", incidentId));
        assertThat(foreign.get("errors").get(0).get("extensions").get("classification").asText())
                .isEqualTo("NOT_FOUND");

        JsonNode acked = graphql(SMITH_OPERATOR, acknowledge, Map.of("id", incidentId));
        assertThat(acked.get("data").get("acknowledgeIncident").get("status").asText()).isEqualTo("ACKNOWLEDGED");
        JsonNode again = graphql(SMITH_OPERATOR, acknowledge, Map.of("id", incidentId));
        assertThat(again.get("errors").get(0).get("message").asText()).contains("already acknowledged");

        JsonNode resolved = graphql(SMITH_OPERATOR, """
                mutation { resolveIncident(input: {incidentId: "%s", by: "alice", note: "carrier fixed"}) { status } }"""
                .formatted(incidentId), Map.of());
        assertThat(resolved.get("data").get("resolveIncident").get("status").asText()).isEqualTo("RESOLVED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get(SMITH_READER, "/api/v1/incidents/" + incidentId).expectStatus().isOk().expectBody()
                        .jsonPath("$.status").isEqualTo("RESOLVED")
                        .jsonPath("$.acknowledgedBy").isEqualTo("alice"));

        // acknowledged a moment after it opened: this month's MTTA is known and small
        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        JsonNode report = awaitReport(agent, "month=" + month, r -> r.get("mttaSeconds").isNumber());
        assertThat(report.get("mttaSeconds").asDouble()).isBetween(0.0, 60.0);
        assertThat(report.get("incidents").asInt()).isEqualTo(1);
    }

    @Test
    void aRebuildReplaysTheEventStoreIntoReadModelsThatAnswerAsBefore() throws Exception {
        String agent = marchAgent();
        awaitReport(agent, "month=2026-03", r -> r.get("incidents").asInt() == 1
                && r.get("calls").get("total").asInt() == 7 && r.get("mttrSeconds").isNumber());
        JsonNode summaryBefore = withoutAsOf(body(get(SMITH_READER, "/api/v1/sla?month=2026-03")
                .expectStatus().isOk()));
        JsonNode incidentBefore = body(get(SMITH_READER, "/api/v1/incidents/" + agent + "-1").expectStatus().isOk());
        JsonNode statusBefore = body(get(SMITH_READER, "/api/v1/agents/" + agent).expectStatus().isOk());

        post(SMITH_READER, "/api/v1/admin/projections/rebuild", "{}").expectStatus().isForbidden();
        JsonNode started = body(post(SMITH_OPERATOR, "/api/v1/admin/projections/rebuild", "{}")
                .expectStatus().isAccepted());
        assertThat(started.get("state").asText()).isEqualTo("RUNNING");
        assertThat(started.get("targetPosition").asLong()).isPositive();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                body(get(SMITH_READER, "/api/v1/admin/projections/rebuild").expectStatus().isOk())
                        .get("state").asText().equals("DONE"));
        String gauge = get(SMITH_READER, "/actuator/prometheus").expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(gauge).containsPattern("dialtone_projections_rebuild_progress\\{[^}]*} 1\\.0");

        assertThat(withoutAsOf(body(get(SMITH_READER, "/api/v1/sla?month=2026-03").expectStatus().isOk())))
                .isEqualTo(summaryBefore);
        assertThat(body(get(SMITH_READER, "/api/v1/incidents/" + agent + "-1").expectStatus().isOk()))
                .isEqualTo(incidentBefore);
        assertThat(body(get(SMITH_READER, "/api/v1/agents/" + agent).expectStatus().isOk()))
                .isEqualTo(statusBefore);
    }

    /**
     * The rebuild replays the store in bulk and then hands over to the projections processor at the position it
     * reached: calls posted while it runs and after it are each counted once, whichever of the two picks them up.
     */
    @Test
    void callsPostedDuringAndAfterARebuildAreCountedOnce() throws Exception {
        String agent = marchAgent();
        awaitReport(agent, "month=2026-03", r -> r.get("calls").get("total").asInt() == 7
                && r.get("mttrSeconds").isNumber());

        body(post(SMITH_OPERATOR, "/api/v1/admin/projections/rebuild", "{}").expectStatus().isAccepted());
        for (int i = 0; i < 5; i++) {
            post(SMITH_INGEST, "/api/v1/signals/calls", "[" + Payloads.call(agent + "-during-" + i, agent,
                    "2026-03-15T1" + i + ":00:00Z", "ANSWERED") + "]").expectStatus().isAccepted();
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                body(get(SMITH_READER, "/api/v1/admin/projections/rebuild").expectStatus().isOk())
                        .get("state").asText().equals("DONE"));
        post(SMITH_INGEST, "/api/v1/signals/calls", "[" + Payloads.call(agent + "-after", agent,
                "2026-03-16T10:00:00Z", "MISSED") + "]").expectStatus().isAccepted();

        JsonNode report = awaitReport(agent, "month=2026-03", r -> r.get("calls").get("total").asInt() >= 13);
        assertThat(report.get("calls").get("total").asInt()).isEqualTo(13);
        assertThat(report.get("incidents").asInt()).isEqualTo(1);
        // the agent's own tally: eight inbound calls from March (one of them on April 1 UTC), six more since
        JsonNode status = body(get(SMITH_READER, "/api/v1/agents/" + agent).expectStatus().isOk());
        assertThat(status.at("/status/calls/inbound").asInt()).isEqualTo(14);
        assertThat(status.at("/status/calls/outbound").asInt()).isEqualTo(1);
    }

    /**
     * Batches for one agent and day posted by many clients at once are stored by concurrent transactions; the read
     * models must count every call once, whatever order the transactions commit in.
     */
    @Test
    void callsPostedConcurrentlyForOneAgentAreAllCounted() throws Exception {
        String agent = liveAgent();
        int clients = 8;
        int batches = 12;
        int size = 250;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            sent.add(pool.submit(() -> {
                for (int b = 0; b < batches; b++) {
                    StringBuilder batch = new StringBuilder("[");
                    for (int i = 0; i < size; i++) {
                        batch.append(i == 0 ? "" : ",").append(Payloads.call(agent + "-" + client + "-" + b + "-" + i,
                                agent, "2026-02-10T1" + (i % 10) + ":00:00Z", "ANSWERED"));
                    }
                    post(SMITH_INGEST, "/api/v1/signals/calls", batch.append("]").toString())
                            .expectStatus().isAccepted();
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> future : sent) {
            future.get();
        }
        pool.shutdown();
        int calls = clients * batches * size;
        JsonNode report = awaitReport(agent, "month=2026-02", r -> r.get("calls").get("total").asInt() >= calls);
        assertThat(report.get("calls").get("total").asInt()).isEqualTo(calls);
        JsonNode status = body(get(SMITH_READER, "/api/v1/agents/" + agent).expectStatus().isOk());
        assertThat(status.at("/status/calls/inbound").asInt()).isEqualTo(calls);
    }

    /**
     * An agent in Los Angeles with March 2026 behind it: an outage on March 10 partly inside planned maintenance,
     * and calls either side of the month's local edges. Silence detection is set out of reach.
     */
    private String marchAgent() {
        String agent = "sla-" + AGENTS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent, """
                {"name": "March line", "timezone": "America/Los_Angeles", "sloTarget": 99.9, "leadValue": 450,
                 "detection": {"silence": "P3650D"}}""").expectStatus().isCreated();
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent + "/maintenance-windows/upgrade", """
                {"from": "2026-03-10T17:20:00Z", "to": "2026-03-10T17:40:00Z", "reason": "carrier upgrade"}""")
                .expectStatus().isCreated();
        String[][] calls = {
                {"c1", "2026-03-01T07:30:00Z", "ANSWERED"},   // Feb 28, 23:30 PST
                {"c2", "2026-03-01T08:00:00Z", "ANSWERED"},   // March 1, 00:00 PST
                {"c3", "2026-03-05T18:00:00Z", "MISSED"},
                {"c4", "2026-03-12T18:00:00Z", "TRANSFERRED"},
                {"c5", "2026-03-20T18:00:00Z", "DROPPED"},
                {"c6", "2026-03-25T18:00:00Z", "ABANDONED"},
                {"c8", "2026-04-01T06:30:00Z", "ANSWERED"},   // March 31, 23:30 PDT
                {"c9", "2026-04-01T07:00:00Z", "ANSWERED"}};  // April 1, 00:00 PDT
        StringBuilder batch = new StringBuilder("[");
        for (String[] call : calls) {
            batch.append(Payloads.call(agent + "-" + call[0], agent, call[1], call[2])).append(',');
        }
        batch.append("""
                {"id": "%s-c7", "agentId": "%s", "callId": "c7", "occurredAt": "2026-03-26T18:00:00Z",
                 "direction": "OUTBOUND", "outcome": "ANSWERED", "durationSeconds": 60}]""".formatted(agent, agent));
        post(SMITH_INGEST, "/api/v1/signals/calls", batch.toString()).expectStatus().isAccepted();
        health(agent, "DOWN", Instant.parse("2026-03-10T17:00:00Z"), "h1");
        health(agent, "DOWN", Instant.parse("2026-03-10T17:01:00Z"), "h2");
        health(agent, "UP", Instant.parse("2026-03-10T17:31:00Z"), "h3");
        health(agent, "UP", Instant.parse("2026-03-10T17:32:00Z"), "h4");
        return agent;
    }

    private String liveAgent() {
        String agent = "sla-live-" + AGENTS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        put(SMITH_OPERATOR, "/api/v1/agents/" + agent, """
                {"name": "Live line", "timezone": "UTC", "detection": {"silence": "P3650D"}}""")
                .expectStatus().isCreated();
        return agent;
    }

    private void health(String agent, String status, Instant at, String id) {
        post(SMITH_INGEST, "/api/v1/signals/health-checks", """
                {"id": "%s-%s", "agentId": "%s", "check": "sip-options", "occurredAt": "%s", "status": "%s"}
                """.formatted(agent, id, agent, at, status)).expectStatus().isAccepted();
    }

    private JsonNode report(String agent, String query) throws Exception {
        return body(get(SMITH_READER, "/api/v1/agents/" + agent + "/sla?" + query).expectStatus().isOk());
    }

    private JsonNode awaitReport(String agent, String query, java.util.function.Predicate<JsonNode> ready) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = report(agent, query);
            return ready.test(last[0]);
        });
        return last[0];
    }

    private JsonNode graphql(String key, String query, Map<String, Object> variables) throws Exception {
        ObjectNode request = JSON.createObjectNode().put("query", query);
        request.set("variables", JSON.valueToTree(variables));
        return body(post(key, "/graphql", JSON.writeValueAsString(request)).expectStatus().isOk());
    }

    private static JsonNode body(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response)
            throws Exception {
        return JSON.readTree(response.expectBody().returnResult().getResponseBody());
    }

    /** Reports carry the time they were asked at; everything else must match. */
    private static JsonNode withoutAsOf(JsonNode json) {
        JsonNode copy = json.deepCopy();
        copy.findParents("asOf").forEach(parent -> ((ObjectNode) parent).remove("asOf"));
        return copy;
    }
}
