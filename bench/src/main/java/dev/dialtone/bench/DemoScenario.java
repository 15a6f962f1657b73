package dev.dialtone.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one-command demo (issue 7): Dialtone on its embedded default with a demo tenant, two agent lines and a policy
 * whose targets are a local stand-in pager, playing a scripted outage — page, escalation, failover, acknowledgement,
 * recovery, SLA report — and printing what happens and the links to look at. Every step waits for Dialtone to do
 * what it promises and fails the run if it does not, so the demo is a smoke test of the whole path too.
 * <p>
 * Arguments: {@code port=8080 stay=true dataDir=<fresh temp dir> key=<random>}.
 */
public final class DemoScenario {

    static final String AGENT = "front-desk";
    static final String OTHER_AGENT = "spanish-line";
    static final String POLICY = "front-desk";
    static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    static final String NUMBER = "+14155550100";
    static final String BACKUP_NUMBER = "+14155550199";
    static final double LEAD_VALUE = 450.0;
    static final double CALL_SUCCESS_TARGET = 95.0;
    /** What the script promises must be done in, after startup. */
    static final Duration PROMISE = Duration.ofMinutes(2);
    /** A generous bound for anything Dialtone does at once (detect, page, fail over, project). */
    static final Duration PROMPTLY = Duration.ofSeconds(30);
    static final Duration ON_CALL_ACK_TIMEOUT = Duration.ofSeconds(15);

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZONE);

    private final DemoConsole console;
    private final DemoApi api;
    private final DemoPager pager;
    private final DemoPager.Target onCall;
    private final DemoPager.Target manager;
    private final DemoPager.Target failover;
    /** Makes signal ids unique per run, so a reused data directory does not see them as duplicates. */
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private int signalNumber;
    /** Calls sent for the front desk this month (its time zone's), which its SLA report must count. */
    private int frontDeskCalls;

    private DemoScenario(DemoConsole console, DemoApi api, DemoPager pager, DemoPager.Target onCall,
                         DemoPager.Target manager, DemoPager.Target failover) {
        this.console = console;
        this.api = api;
        this.pager = pager;
        this.onCall = onCall;
        this.manager = manager;
        this.failover = failover;
    }

    public static void main(String[] args) throws Exception {
        int port = BenchSupport.intArg(args, "port", 8080);
        if (!portIsFree(port)) {
            System.out.println("✗ port " + port + " is taken: run the demo with port=<another> in -Dbench.args");
            System.exit(2);
        }
        boolean stay = Boolean.parseBoolean(BenchSupport.stringArg(args, "stay", "true"));
        String dataDirArg = BenchSupport.stringArg(args, "dataDir", null);
        Path dataDir = dataDirArg == null ? Files.createTempDirectory("dialtone-demo-") : Path.of(dataDirArg);
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String key = BenchSupport.stringArg(args, "key", "demo-" + HexFormat.of().formatHex(random));
        String base = "http://localhost:" + port;

        System.out.println("""

                ══ Dialtone demo ═══════════════════════════════════════════════════════════════
                Smith Law's phones are answered by an AI agent. Its SIP trunk is about to fail.
                Dialtone will notice, page the on-call phone, move calls to the backup line,
                escalate to the manager when nobody answers, and report what it cost.
                """);
        System.out.println("data directory  " + dataDir);
        System.out.println("starting Dialtone on " + base + " (embedded PostgreSQL and MongoDB-wire server) ...");
        long starting = System.nanoTime();
        ConfigurableApplicationContext app = start(dataDir, port, base, key);
        double startup = (System.nanoTime() - starting) / 1e9;
        System.out.printf(Locale.ROOT, "Dialtone started in %.1f s%n", startup);
        System.out.println("API key         " + key + "   (tenant demo, role operator)");
        System.out.println("                export KEY=" + key);

        DemoConsole console = new DemoConsole();
        DemoPager.Target onCall = new DemoPager.Target("/pager/on-call", "on-call phone", "on-call-" + key);
        DemoPager.Target manager = new DemoPager.Target("/pager/manager", "manager", "manager-" + key);
        DemoPager.Target failover = new DemoPager.Target("/failover", "backup line", "failover-" + key);
        AtomicBoolean failed = new AtomicBoolean();
        AtomicBoolean stopping = new AtomicBoolean();
        // Enter, the end of the script and Ctrl-C all stop Dialtone the same way: its context closes (PostgreSQL
        // stops cleanly) and a data directory the demo made for itself goes with it, unless the run failed
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            app.close();
            if (dataDirArg == null && !failed.get()) {
                deleteTree(dataDir);
                System.out.println("Dialtone stopped; its temporary data directory is deleted (dataDir=<path> keeps"
                        + " it)");
            } else {
                System.out.println("Dialtone stopped; its data stays in " + dataDir);
            }
        }, "demo-shutdown"));
        try (DemoPager pager = new DemoPager(console, List.of(onCall, manager, failover))) {
            System.out.println("pager           " + pager.url(onCall).replace(onCall.path(), "")
                    + "   (stands in for the responders' phones and the voice platform's backup routing)");
            System.out.println();
            DemoScenario scenario = new DemoScenario(console, new DemoApi(base, key), pager, onCall, manager,
                    failover);
            try {
                double scripted = scenario.play();
                console.plain("");
                console.plain(String.format(Locale.ROOT, "✓ scenario played in %.1f s after a %.1f s startup"
                        + " (the promise: under %d s)", scripted, startup, PROMISE.toSeconds()));
                if (scripted > PROMISE.toSeconds()) {
                    throw new DemoConsole.DemoFailedException("the scenario took " + Math.round(scripted)
                            + " s, more than the " + PROMISE.toSeconds() + " s promised");
                }
            } catch (Exception e) {
                if (stopping.get()) { // Ctrl-C in the middle of the script: not a failure of Dialtone
                    return;
                }
                failed.set(true);
                console.plain("");
                console.say("✗ DEMO FAILED: " + e.getMessage());
                if (!(e instanceof DemoConsole.DemoFailedException)) {
                    e.printStackTrace(System.out);
                }
                System.exit(1);
            }
            if (stay) {
                console.plain("");
                console.plain("Dialtone keeps running so you can follow the links; the pager keeps printing."
                        + " Press Enter (or Ctrl-C) to stop.");
                if (System.in.read() < 0) { // no terminal (stdin closed): wait for Ctrl-C instead
                    Thread.currentThread().join();
                }
            }
        }
        System.exit(0);
    }

    /** Plays the script; the seconds it took. */
    private double play() throws Exception {
        setUp();
        normalTraffic();
        String incidentId = outage();
        escalation(incidentId);
        recovery(incidentId);
        timeline(incidentId);
        slaReport();
        links(incidentId);
        if (pager.badSignatures() > 0) {
            throw new DemoConsole.DemoFailedException(pager.badSignatures()
                    + " deliveries arrived with a signature that does not match the target's secret");
        }
        return console.elapsedSeconds();
    }

    // ── 1. the business: a policy and two lines ─────────────────────────────────────────────────────────────────

    private void setUp() throws Exception {
        console.say("SETUP  the demo tenant's escalation policy and agent lines, through the REST API");
        int policy = api.put("/api/v1/escalation-policies/" + POLICY, """
                {"name": "Front desk ladder", "repeat": 0,
                 "levels": [
                   {"ackTimeout": "PT15S", "targets": [{"type": "webhook", "url": "%s", "secret": "%s"}]},
                   {"ackTimeout": "PT1M",  "targets": [{"type": "webhook", "url": "%s", "secret": "%s"}]}]}
                """.formatted(pager.url(onCall), onCall.secret(), pager.url(manager), manager.secret()));
        console.detail("PUT /api/v1/escalation-policies/" + POLICY + " → " + policy
                + "   level 1: on-call phone, ack within 15 s; level 2: manager, ack within 1 min");
        String allWeek = allWeek();
        int agent = api.put("/api/v1/agents/" + AGENT, """
                {"name": "Smith Law front desk", "phoneNumbers": ["%s"], "sloTarget": 99.9,
                 "timezone": "%s", "businessHours": %s,
                 "escalationPolicyId": "%s",
                 "failover": {"url": "%s", "backupNumber": "%s", "secret": "%s"},
                 "callSuccessTarget": %s, "leadValue": %s,
                 "detection": {"healthFailuresToOpen": 2, "healthSuccessesToResolve": 2, "autoResolve": true}}
                """.formatted(NUMBER, ZONE, allWeek, POLICY, pager.url(failover), BACKUP_NUMBER, failover.secret(),
                CALL_SUCCESS_TARGET, LEAD_VALUE));
        console.detail("PUT /api/v1/agents/" + AGENT + " → " + agent + "   \"Smith Law front desk\" " + NUMBER
                + ", " + ZONE + ", open 24/7, SLO 99.9 %, a lead is worth $" + (int) LEAD_VALUE
                + ", failover to " + BACKUP_NUMBER);
        int other = api.put("/api/v1/agents/" + OTHER_AGENT, """
                {"name": "Smith Law Spanish line", "phoneNumbers": ["+14155550111"], "timezone": "%s",
                 "businessHours": %s, "escalationPolicyId": "%s", "leadValue": %s}
                """.formatted(ZONE, allWeek, POLICY, LEAD_VALUE));
        console.detail("PUT /api/v1/agents/" + OTHER_AGENT + " → " + other
                + "   \"Smith Law Spanish line\", healthy throughout, for contrast");
    }

    private static String allWeek() {
        StringJoiner days = new StringJoiner(", ", "{", "}");
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add("\"" + day + "\": [\"00:00-24:00\"]");
        }
        return days.toString();
    }

    // ── 2. a quiet morning, compressed ─────────────────────────────────────────────────────────────────────────

    private void normalTraffic() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant from = now.minus(Duration.ofMinutes(10));
        List<String> calls = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        for (Instant t = from; t.isBefore(now.minusSeconds(30)); t = t.plusSeconds(30)) {
            checks.add(check(AGENT, t, "UP", 40 + (signalNumber * 7) % 50, null));
            checks.add(check(OTHER_AGENT, t.plusSeconds(11), "UP", 45, null));
            if ((t.getEpochSecond() / 30) % 5 != 0) {
                calls.add(call(AGENT, t.plusSeconds(7), "ANSWERED", 60 + (signalNumber * 37) % 240, null));
            }
            if ((t.getEpochSecond() / 30) % 3 == 0) {
                calls.add(call(OTHER_AGENT, t.plusSeconds(19), "ANSWERED", 95, null));
            }
        }
        console.say("NORMAL TRAFFIC  the last 10 minutes, sent in two batches (occurredAt in the past)");
        JsonNode callAnswer = api.call("POST", "/api/v1/signals/calls", "[" + String.join(",", calls) + "]");
        console.detail("POST /api/v1/signals/calls → " + callAnswer + "   " + calls.size() + " calls ANSWERED on the two lines");
        JsonNode checkAnswer = api.call("POST", "/api/v1/signals/health-checks", "[" + String.join(",", checks) + "]");
        console.detail("POST /api/v1/signals/health-checks → " + checkAnswer + "   sip-options probe UP every 30 s");
        long expectedCalls = calls.stream().filter(c -> c.contains("\"" + AGENT + "\"")).count();
        long expectedChecks = checks.stream().filter(c -> c.contains("\"" + AGENT + "\"")).count();
        JsonNode status = console.await("the agent's live status counting the calls and checks", PROMPTLY, () -> {
            JsonNode agent = api.get("/api/v1/agents/" + AGENT).path("status");
            return agent.path("calls").path("byOutcome").path("ANSWERED").asLong() >= expectedCalls
                    && agent.path("healthChecks").path("UP").asLong() >= expectedChecks ? agent : null;
        });
        console.detail("GET /api/v1/agents/" + AGENT + "   live status: "
                + status.path("calls").path("inbound").asInt() + " inbound calls, last call "
                + status.path("lastCall").path("outcome").asText() + ", last health check "
                + status.path("lastHealthCheck").path("status").asText() + " at "
                + CLOCK.format(Instant.parse(status.path("lastHealthCheck").path("occurredAt").asText())));
    }

    // ── 3. the outage ──────────────────────────────────────────────────────────────────────────────────────────

    private String outage() throws Exception {
        console.plain("");
        console.say("OUTAGE  the carrier's SIP trunk stops answering");
        send("health-checks", check(AGENT, Instant.now(), "DOWN", 5000, "sip-options timeout"),
                "health check sip-options DOWN (sip-options timeout) — one failure is not an outage yet");
        Thread.sleep(800);
        send("calls", call(AGENT, Instant.now(), "DROPPED", 0, "twilio-failed-to-connect-call"),
                "a caller is dropped: DROPPED (twilio-failed-to-connect-call) — a lost lead");
        Thread.sleep(800);
        send("calls", call(AGENT, Instant.now(), "DROPPED", 0, "twilio-failed-to-connect-call"),
                "another caller dropped");
        Thread.sleep(800);
        send("health-checks", check(AGENT, Instant.now(), "DOWN", 5000, "sip-options timeout"),
                "health check sip-options DOWN again — two in a row: that is an OUTAGE");
        long confirmed = System.nanoTime();

        JsonNode incident = console.await("an OUTAGE incident for " + AGENT, PROMPTLY, () -> {
            JsonNode items = api.get("/api/v1/incidents?agentId=" + AGENT + "&status=OPEN").path("items");
            for (JsonNode item : items) {
                if ("OUTAGE".equals(item.path("kind").asText())) {
                    return item;
                }
            }
            return null;
        });
        String id = incident.path("id").asText();
        String how = "opened";
        for (JsonNode entry : api.get("/api/v1/incidents/" + id).path("timeline")) {
            if (entry.path("type").asText().matches("opened|reopened")) {
                how = entry.path("type").asText(); // a data directory reused within 10 minutes reopens the last one
            }
        }
        console.say(String.format(Locale.ROOT, "Dialtone %s incident %s: %s, severity %s, %.1f s after the"
                        + " confirming health check", how, id, incident.path("kind").asText(),
                incident.path("severity").asText(), (System.nanoTime() - confirmed) / 1e9));
        console.detail("down since " + CLOCK.format(Instant.parse(incident.path("startedAt").asText()))
                + " (the first failed check), detected " + CLOCK.format(Instant.parse(
                incident.path("detectedAt").asText())) + " " + ZONE.getId() + "; runbook: "
                + runbookId(incident.path("runbookUrl").asText()));

        DemoPager.Delivery page = pager.await("the level-1 page to the on-call phone", PROMPTLY,
                d -> d.target() == onCall && "page".equals(d.type()) && id.equals(d.incidentId()));
        DemoPager.Delivery activate = pager.await("the failover ACTIVATE call", PROMPTLY,
                d -> d.target() == failover && "ACTIVATE".equals(d.type()) && id.equals(d.incidentId()));
        console.detail(String.format(Locale.ROOT, "page %.1f s and failover %.1f s after the confirming check",
                page.at() - secondsAgo(confirmed), activate.at() - secondsAgo(confirmed)));

        send("failover-actions", """
                {"id": "%s", "agentId": "%s", "occurredAt": "%s", "action": "ACTIVATED", "target": "%s",
                 "initiatedBy": "voice-platform"}""".formatted(nextId("fo"), AGENT, Instant.now(), BACKUP_NUMBER),
                "the voice platform confirms: calls to " + NUMBER + " now ring the backup line " + BACKUP_NUMBER);
        return id;
    }

    /** The console time, in seconds, at which {@code nanos} (a System.nanoTime reading) happened. */
    private double secondsAgo(long nanos) {
        return console.elapsedSeconds() - (System.nanoTime() - nanos) / 1e9;
    }

    // ── 4. nobody answers; the manager does ────────────────────────────────────────────────────────────────────

    private void escalation(String id) throws Exception {
        console.plain("");
        DemoPager.Delivery first = pager.await("the level-1 page", PROMPTLY,
                d -> d.target() == onCall && "page".equals(d.type()) && id.equals(d.incidentId()));
        console.say("ESCALATION  the on-call phone does not acknowledge; it has " + ON_CALL_ACK_TIMEOUT.toSeconds()
                + " s ...");
        DemoPager.Delivery second = pager.await("the level-2 page to the manager",
                ON_CALL_ACK_TIMEOUT.plus(PROMPTLY),
                d -> d.target() == manager && "page".equals(d.type()) && id.equals(d.incidentId()));
        console.detail(String.format(Locale.ROOT, "escalated %.1f s after the first page (ack timeout %d s)",
                second.at() - first.at(), ON_CALL_ACK_TIMEOUT.toSeconds()));

        Thread.sleep(1500); // the manager reads the page
        JsonNode ack = api.call("POST", "/api/v1/incidents/" + id + "/acknowledge", "{\"by\": \"manager\"}");
        console.say("the manager acknowledges: POST /api/v1/incidents/" + id + "/acknowledge {\"by\": \"manager\"}");
        console.detail("→ " + ack);
        console.await("the incident to read ACKNOWLEDGED", PROMPTLY,
                () -> "ACKNOWLEDGED".equals(api.get("/api/v1/incidents/" + id).path("status").asText()) ? id : null);
        pager.await("the acknowledgement to reach the pager", PROMPTLY,
                d -> "acknowledged".equals(d.type()) && id.equals(d.incidentId()));
    }

    // ── 5. recovery ────────────────────────────────────────────────────────────────────────────────────────────

    private void recovery(String id) throws Exception {
        Thread.sleep(1500); // the carrier fixes its trunk
        console.plain("");
        console.say("RECOVERY  the carrier restores the trunk");
        send("health-checks", check(AGENT, Instant.now(), "UP", 62, null), "health check sip-options UP");
        Thread.sleep(800);
        send("health-checks", check(AGENT, Instant.now(), "UP", 58, null),
                "health check sip-options UP again — two in a row: recovered");
        long recovered = System.nanoTime();
        JsonNode incident = console.await("the incident to resolve itself", PROMPTLY, () -> {
            JsonNode found = api.get("/api/v1/incidents/" + id);
            return "RESOLVED".equals(found.path("status").asText()) ? found : null;
        });
        console.say(String.format(Locale.ROOT, "Dialtone resolved %s automatically (%.1f s after the second UP)"
                + ", resolved by %s", id, (System.nanoTime() - recovered) / 1e9, incident.path("resolvedBy")
                .asText("(nobody named)")));
        pager.await("the failover DEACTIVATE call", PROMPTLY,
                d -> d.target() == failover && "DEACTIVATE".equals(d.type()) && id.equals(d.incidentId()));
        long paged = pager.deliveries().stream()
                .filter(d -> "page".equals(d.type()) && id.equals(d.incidentId()))
                .map(DemoPager.Delivery::target).distinct().count();
        pager.awaitAll("the resolution to reach everyone who was paged", PROMPTLY, (int) paged,
                d -> "resolved".equals(d.type()) && id.equals(d.incidentId()));

        Instant now = Instant.now();
        String calls = "[" + call(AGENT, now.minusSeconds(2), "ANSWERED", 140, null) + ","
                + call(AGENT, now.minusSeconds(1), "ANSWERED", 95, null) + ","
                + call(AGENT, now, "ANSWERED", 201, null) + "]";
        send("calls", calls, "calls are answered by the agent again (3 ANSWERED)");
    }

    // ── 6. what happened, and what it cost ─────────────────────────────────────────────────────────────────────

    private void timeline(String id) throws Exception {
        JsonNode incident = console.await("every delivery of " + id + " on its timeline", PROMPTLY, () -> {
            JsonNode found = api.get("/api/v1/incidents/" + id);
            return settled(found.path("timeline")) ? found : null;
        });
        console.plain("");
        console.say("THE INCIDENT'S TIMELINE  GET /api/v1/incidents/" + id + "  (times " + ZONE.getId() + ")");
        for (JsonNode entry : incident.path("timeline")) {
            console.detail(String.format("%s  %-22s %s", CLOCK.format(Instant.parse(entry.path("at").asText())),
                    entry.path("type").asText(), entry.path("detail").asText()));
        }
        console.detail(String.format("status %s, acknowledged by %s, escalation level %s; evidence:",
                incident.path("status").asText(), incident.path("acknowledgedBy").asText(),
                incident.path("escalationLevel").asText()));
        for (JsonNode fact : incident.path("evidence")) {
            console.detail(String.format("%s  %-22s %s", CLOCK.format(Instant.parse(fact.path("occurredAt").asText())),
                    fact.path("kind").asText(), fact.path("summary").asText()));
        }
    }

    /** Whether every notification and failover call the timeline asks for has its outcome on it too. */
    private static boolean settled(JsonNode timeline) {
        int requested = 0;
        int done = 0;
        for (JsonNode entry : timeline) {
            switch (entry.path("type").asText()) {
                case "notification-requested", "failover-requested" -> requested++;
                case "notification-delivered", "failover-activated", "failover-deactivated" -> done++;
                default -> {
                }
            }
        }
        return requested > 0 && done >= requested;
    }

    private void slaReport() throws Exception {
        YearMonth month = YearMonth.now(ZONE);
        String path = "/api/v1/agents/" + AGENT + "/sla?month=" + month;
        JsonNode sla = console.await("an SLA report that counts the incident", PROMPTLY, () -> {
            JsonNode report = api.get(path);
            return report.path("incidents").asInt() >= 1 && !report.path("mttrSeconds").isNull()
                    && !report.path("mttaSeconds").isNull()
                    && report.path("calls").path("total").asInt() >= frontDeskCalls ? report : null;
        });
        JsonNode calls = sla.path("calls");
        console.plain("");
        console.say("SLA REPORT  GET " + path + "  (" + month + " in " + ZONE.getId() + ")");
        console.detail(String.format(Locale.ROOT, "uptime %.4f %% (target %s %%), SLA met: %s",
                sla.path("uptimePercent").asDouble(), sla.path("sloTarget").asText(), sla.path("slaMet").asText()));
        console.detail(String.format(Locale.ROOT, "downtime %.1f s of %.1f s allowed this month; error budget left"
                        + " %.2f %%", sla.path("downtimeSeconds").asDouble(),
                sla.path("allowedDowntimeSeconds").asDouble(), sla.path("errorBudgetRemaining").asDouble() * 100));
        console.detail(String.format(Locale.ROOT, "incidents %d, MTTA %s s (opened → acknowledged), MTTR %s s"
                        + " (detected → resolved)", sla.path("incidents").asInt(), sla.path("mttaSeconds").asText(),
                sla.path("mttrSeconds").asText()));
        console.detail(String.format(Locale.ROOT, "calls %d: %d answered, %d dropped, %d missed; call success"
                        + " %.1f %% (target %s %%)", calls.path("total").asInt(), calls.path("answered").asInt(),
                calls.path("dropped").asInt(), calls.path("missed").asInt(), sla.path("callSuccessRate").asDouble(),
                CALL_SUCCESS_TARGET));
        console.detail(String.format(Locale.ROOT, "missed leads %d → estimated lost revenue $%,.2f",
                sla.path("missedLeads").asInt(), sla.path("estimatedLostRevenue").asDouble()));

        JsonNode summary = api.get("/api/v1/sla?month=" + month);
        console.say("EVERY LINE OF THE TENANT  GET /api/v1/sla?month=" + month);
        for (JsonNode item : summary.path("items")) {
            console.detail(String.format(Locale.ROOT, "%-14s uptime %9.4f %%  incidents %d  calls %3d  missed leads %d",
                    item.path("agentId").asText(), item.path("uptimePercent").asDouble(), item.path("incidents").asInt(),
                    item.path("calls").path("total").asInt(), item.path("missedLeads").asInt()));
        }
    }

    // ── 7. where to look ───────────────────────────────────────────────────────────────────────────────────────

    private void links(String id) throws Exception {
        String base = api.base();
        String runbookUrl = api.get("/api/v1/incidents/" + id).path("runbookUrl").asText();
        String month = YearMonth.now(ZONE).toString();
        String graphql = "{\"query\": \"{ agent(id: \\\"" + AGENT + "\\\") { name sla(month: \\\"" + month
                + "\\\") { uptimePercent mttaSeconds missedLeads } } }\"}";

        console.plain("");
        console.plain("LINKS TO LOOK AT (each checked just now)");
        link("the incident (JSON; needs the key)", api.send("GET", "/api/v1/incidents/" + id, null,
                "application/json", true), "application/json",
                "curl -s -H \"Authorization: Bearer $KEY\" " + base + "/api/v1/incidents/" + id);
        DemoApi.Answer runbook = api.send("GET", runbookUrl, null, "text/html", false);
        if (!runbook.body().contains("Smith Law front desk") || !runbook.body().contains(BACKUP_NUMBER)) {
            throw new DemoConsole.DemoFailedException("the runbook of " + id + " is not filled in with the agent's"
                    + " name and backup line: " + runbookUrl);
        }
        link("its runbook, filled in with this line's numbers and ladder (browser, no key)", runbook, "text/html",
                runbookUrl);
        link("all runbooks (browser)", api.send("GET", "/runbooks", null, "text/html", false), "text/html",
                base + "/runbooks");
        link("the month's SLA as CSV", api.send("GET", "/api/v1/sla?month=" + month, null, "text/csv", true),
                "text/csv", "curl -s -H \"Authorization: Bearer $KEY\" -H 'Accept: text/csv' '" + base
                        + "/api/v1/sla?month=" + month + "'");
        DemoApi.Answer graph = api.send("POST", "/graphql", graphql, "application/json", true);
        if (graph.body().contains("\"errors\"")) {
            throw new DemoConsole.DemoFailedException("GraphQL answered errors: " + graph.body());
        }
        link("GraphQL", graph, "application/json", "curl -s -H \"Authorization: Bearer $KEY\" -H 'Content-Type:"
                + " application/json' " + base + "/graphql -d '" + graphql + "'");
        link("health (browser)", api.send("GET", "/actuator/health", null, "application/json", false),
                "json", base + "/actuator/health");
        console.plain("  incidents of the line:  curl -s -H \"Authorization: Bearer $KEY\" '" + base
                + "/api/v1/incidents?agentId=" + AGENT + "'");
        console.plain("  the agent and its live status:  curl -s -H \"Authorization: Bearer $KEY\" " + base
                + "/api/v1/agents/" + AGENT);
    }

    private void link(String what, DemoApi.Answer answer, String expectedType, String howToOpen) {
        if (answer.status() != 200 || !answer.contentType().contains(expectedType)) {
            throw new DemoConsole.DemoFailedException(what + " answered " + answer.status() + " "
                    + answer.contentType() + ": " + answer.body());
        }
        console.plain("  ✓ " + what);
        console.plain("      " + howToOpen);
    }

    // ── signals ────────────────────────────────────────────────────────────────────────────────────────────────

    private void send(String kind, String json, String story) throws Exception {
        JsonNode answer = api.call("POST", "/api/v1/signals/" + kind, json);
        console.say(story);
        if (answer.path("accepted").asInt() < 1) {
            throw new DemoConsole.DemoFailedException("POST /api/v1/signals/" + kind + " stored nothing: " + answer);
        }
    }

    private String call(String agent, Instant at, String outcome, int seconds, String reason) {
        if (agent.equals(AGENT) && YearMonth.from(at.atZone(ZONE)).equals(YearMonth.now(ZONE))) {
            frontDeskCalls++;
        }
        return """
                {"id": "%s", "agentId": "%s", "occurredAt": "%s", "direction": "INBOUND", "outcome": "%s",
                 "durationSeconds": %d%s}""".formatted(nextId("call"), agent, at, outcome, seconds,
                reason == null ? "" : ", \"reason\": \"" + reason + "\"");
    }

    private String check(String agent, Instant at, String status, int latencyMs, String detail) {
        return """
                {"id": "%s", "agentId": "%s", "check": "sip-options", "occurredAt": "%s", "status": "%s",
                 "latencyMs": %d%s}""".formatted(nextId("probe"), agent, at, status, latencyMs,
                detail == null ? "" : ", \"detail\": \"" + detail + "\"");
    }

    private String nextId(String prefix) {
        return "demo-" + run + "-" + prefix + "-" + (++signalNumber);
    }

    private static String runbookId(String url) {
        String path = url.replaceFirst("\\?.*", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Dialtone as the benchmarks start it, on a fixed port so the printed links work, with the demo tenant's key. */
    private static ConfigurableApplicationContext start(Path dataDir, int port, String base, String key) {
        return BenchSupport.start(dataDir, "--server.port=" + port, "--dialtone.public-base-url=" + base,
                "--logging.level.de.bwaldvogel.mongo=ERROR", // "Closing 1 clients" on every stop
                "--dialtone.api-keys[0].key=" + key, "--dialtone.api-keys[0].tenant=demo");
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            System.out.println("could not delete " + root + ": " + e);
        }
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
