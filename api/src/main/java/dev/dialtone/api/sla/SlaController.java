package dev.dialtone.api.sla;

import dev.dialtone.api.agent.AgentController;
import dev.dialtone.api.security.Caller;
import dev.dialtone.api.web.Blocking;
import dev.dialtone.api.web.Pages;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.sla.CallTally;
import dev.dialtone.domain.sla.SlaReport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SLA reports: one agent's, or every agent's of the tenant for a month; JSON, or CSV with {@code Accept: text/csv}. */
@RestController
public class SlaController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final SlaService sla;
    private final Clock clock = Clock.systemUTC();

    public SlaController(SlaService sla) {
        this.sla = sla;
    }

    @GetMapping("/api/v1/agents/{agentId}/sla")
    public Mono<ResponseEntity<Object>> agentReport(@PathVariable String agentId,
                                                    @RequestParam(required = false) String month,
                                                    @RequestParam(required = false) String from,
                                                    @RequestParam(required = false) String to,
                                                    @RequestParam(required = false) String asOf,
                                                    @RequestHeader(value = HttpHeaders.ACCEPT, required = false)
                                                    String accept,
                                                    @AuthenticationPrincipal Caller caller) {
        AgentId id = AgentController.agentId(agentId);
        ReportPeriod period = ReportPeriod.parse(month, from, to, asOf, clock.instant());
        return Blocking.call(() -> sla.registry().findAgent(caller.tenant(), id)
                        .orElseThrow(() -> AgentController.unknownAgent(agentId)))
                .flatMap(agent -> sla.reports(caller.tenant(), List.of(agent), period))
                .map(reports -> wantsCsv(accept) ? csv(reports) : ResponseEntity.ok(json(reports.get(0))));
    }

    @GetMapping("/api/v1/sla")
    public Mono<ResponseEntity<Object>> summary(@RequestParam(required = false) String month,
                                                @RequestParam(required = false) String asOf,
                                                @RequestHeader(value = HttpHeaders.ACCEPT, required = false)
                                                String accept,
                                                @AuthenticationPrincipal Caller caller) {
        ReportPeriod period = ReportPeriod.parse(month == null ? "" : month, null, null, asOf, clock.instant());
        return Blocking.call(() -> sla.registry().agentsOf(caller.tenant()))
                .flatMap(agents -> sla.reports(caller.tenant(), agents, period))
                .map(reports -> wantsCsv(accept) ? csv(reports)
                        : ResponseEntity.ok(Pages.of(reports.stream().map(SlaController::json).toList())));
    }

    private static boolean wantsCsv(String accept) {
        return accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(type -> type.isCompatibleWith(CSV) && !type.isWildcardType());
    }

    /** The report as DESIGN.md names its fields. */
    public static Map<String, Object> json(SlaReport r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("agentId", r.agentId());
        json.put("from", r.from());
        json.put("to", r.to());
        json.put("asOf", r.asOf());
        json.put("sloTarget", r.sloTarget());
        json.put("uptimePercent", r.uptimePercent());
        json.put("downtimeSeconds", r.downtimeSeconds());
        json.put("allowedDowntimeSeconds", r.allowedDowntimeSeconds());
        json.put("maintenanceSeconds", r.maintenanceSeconds());
        json.put("degradedSeconds", r.degradedSeconds());
        json.put("errorBudgetRemaining", r.errorBudgetRemaining());
        json.put("incidents", r.incidents());
        json.put("mttaSeconds", r.mttaSeconds());
        json.put("mttrSeconds", r.mttrSeconds());
        CallTally c = r.calls();
        Map<String, Object> calls = new LinkedHashMap<>();
        calls.put("total", c.total());
        calls.put("answered", c.answered());
        calls.put("transferred", c.transferred());
        calls.put("missed", c.missed());
        calls.put("dropped", c.dropped());
        calls.put("transferFailed", c.transferFailed());
        calls.put("abandoned", c.abandoned());
        calls.put("outbound", c.outbound());
        json.put("calls", calls);
        json.put("callSuccessRate", r.callSuccessRate());
        json.put("missedLeads", r.missedLeads());
        json.put("estimatedLostRevenue", r.estimatedLostRevenue());
        json.put("slaMet", r.slaMet());
        return json;
    }

    private static final List<String> CSV_COLUMNS = List.of("agentId", "from", "to", "asOf", "sloTarget",
            "uptimePercent", "downtimeSeconds", "allowedDowntimeSeconds", "maintenanceSeconds", "degradedSeconds",
            "errorBudgetRemaining", "incidents", "mttaSeconds", "mttrSeconds", "callsTotal", "answered",
            "transferred", "missed", "dropped", "transferFailed", "abandoned", "outbound", "callSuccessRate",
            "missedLeads", "estimatedLostRevenue", "slaMet");

    private static ResponseEntity<Object> csv(List<SlaReport> reports) {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (SlaReport r : reports) {
            CallTally c = r.calls();
            List<Object> row = List.of(r.agentId(), r.from(), r.to(), r.asOf(), r.sloTarget(), r.uptimePercent(),
                    r.downtimeSeconds(), r.allowedDowntimeSeconds(), r.maintenanceSeconds(), r.degradedSeconds(),
                    r.errorBudgetRemaining(), r.incidents(), blank(r.mttaSeconds()), blank(r.mttrSeconds()),
                    c.total(), c.answered(), c.transferred(), c.missed(), c.dropped(), c.transferFailed(),
                    c.abandoned(), c.outbound(), blank(r.callSuccessRate()), r.missedLeads(),
                    r.estimatedLostRevenue(), r.slaMet());
            out.append(String.join(",", row.stream().map(SlaController::cell).toList())).append("\r\n");
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sla.csv\"")
                .body(out.toString());
    }

    private static Object blank(Object value) {
        return value == null ? "" : value;
    }

    /** RFC 4180: quote a cell that holds a comma, a quote or a line break. */
    private static String cell(Object value) {
        String text = String.valueOf(value);
        return text.matches("(?s).*[,\"\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
