package dev.dialtone.api.incident;

import dev.dialtone.api.runbook.RunbookLinks;
import dev.dialtone.api.security.Caller;
import dev.dialtone.api.web.ApiException;
import dev.dialtone.api.web.Blocking;
import dev.dialtone.api.web.FieldError;
import dev.dialtone.api.web.Fields;
import dev.dialtone.api.web.InvalidRequestException;
import dev.dialtone.api.web.JsonBodies;
import dev.dialtone.api.web.Pages;
import dev.dialtone.domain.incident.api.AcknowledgeIncidentCommand;
import dev.dialtone.domain.incident.api.EscalateIncidentCommand;
import dev.dialtone.domain.incident.api.FindIncidentQuery;
import dev.dialtone.domain.incident.api.FindIncidentsQuery;
import dev.dialtone.domain.incident.api.IncidentId;
import dev.dialtone.domain.incident.api.IncidentPage;
import dev.dialtone.domain.incident.api.IncidentStatus;
import dev.dialtone.domain.incident.api.IncidentView;
import dev.dialtone.domain.incident.api.ResolveIncidentCommand;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Incidents: newest first, one with its timeline, and what a responder does to them. */
@RestController
@RequestMapping("/api/v1/incidents")
public class IncidentController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Set<String> LIST_PARAMETERS = Set.of("agentId", "status", "from", "to", "limit", "cursor");

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final JsonBodies bodies;
    private final RunbookLinks runbooks;
    private final Clock clock = Clock.systemUTC();

    public IncidentController(QueryGateway queries, CommandGateway commands, JsonBodies bodies,
                              RunbookLinks runbooks) {
        this.queries = queries;
        this.commands = commands;
        this.bodies = bodies;
        this.runbooks = runbooks;
    }

    @GetMapping
    public Mono<Map<String, Object>> list(@RequestParam MultiValueMap<String, String> parameters,
                                          @AuthenticationPrincipal Caller caller) {
        FindIncidentsQuery query = listQuery(caller, parameters);
        return Mono.fromFuture(() -> queries.query(query, IncidentPage.class))
                .publishOn(Schedulers.boundedElastic()) // runbook links may read the registry
                .map(page -> Pages.of(page.items().stream().map(this::write).toList(), page.nextCursor()));
    }

    @GetMapping("/{incidentId}")
    public Mono<Map<String, Object>> get(@PathVariable String incidentId, @AuthenticationPrincipal Caller caller) {
        IncidentId id = incidentId(incidentId);
        return Mono.fromFuture(() -> queries.query(new FindIncidentQuery(caller.tenant(), id), IncidentView.class))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("no incident '" + incidentId + "'")))
                .publishOn(Schedulers.boundedElastic())
                .map(this::write);
    }

    @PostMapping("/{incidentId}/acknowledge")
    public Mono<Map<String, Object>> acknowledge(@PathVariable String incidentId,
                                                 @AuthenticationPrincipal Caller caller, ServerWebExchange exchange) {
        IncidentId id = incidentId(incidentId);
        return action(exchange, caller, null).flatMap(action -> Blocking.call(() -> {
            commands.sendAndWait(new AcknowledgeIncidentCommand(id, caller.tenant(), action.by(), action.at()));
            return outcome(id, "status", IncidentStatus.ACKNOWLEDGED, "acknowledgedBy", action.by(),
                    "acknowledgedAt", action.at());
        }));
    }

    @PostMapping("/{incidentId}/resolve")
    public Mono<Map<String, Object>> resolve(@PathVariable String incidentId,
                                             @AuthenticationPrincipal Caller caller, ServerWebExchange exchange) {
        IncidentId id = incidentId(incidentId);
        return action(exchange, caller, "note").flatMap(action -> Blocking.call(() -> {
            commands.sendAndWait(new ResolveIncidentCommand(id, caller.tenant(), action.by(), action.text(), false,
                    null, action.at()));
            return outcome(id, "status", IncidentStatus.RESOLVED, "resolvedBy", action.by(),
                    "resolvedAt", action.at(), "note", action.text());
        }));
    }

    @PostMapping("/{incidentId}/escalate")
    public Mono<Map<String, Object>> escalate(@PathVariable String incidentId,
                                              @AuthenticationPrincipal Caller caller, ServerWebExchange exchange) {
        IncidentId id = incidentId(incidentId);
        return action(exchange, caller, "reason").flatMap(action -> Blocking.call(() -> {
            commands.sendAndWait(new EscalateIncidentCommand(id, caller.tenant(), action.by(), action.text(),
                    action.at()));
            return outcome(id, "escalationRequestedBy", action.by(), "at", action.at(), "reason", action.text());
        }));
    }

    /** Who acts, with what note or reason ({@code textField}, if any), and when. */
    private record Action(String by, String text, Instant at) {
    }

    /** A responder action may come without a body (curl -X POST): that means "no details". */
    private Mono<Action> action(ServerWebExchange exchange, Caller caller, String textField) {
        return bodies.readOptional(exchange.getRequest()).map(json -> {
            Fields fields = Fields.of(json);
            fields.rejectUnknown(textField == null ? Set.of("by") : Set.of("by", textField));
            String by = fields.optionalText("by", Fields.MAX_ID_LENGTH);
            String text = textField == null ? null : fields.optionalText(textField, Fields.MAX_TEXT_LENGTH);
            fields.throwIfInvalid();
            return new Action(by == null ? defaultActor(caller) : by, text, clock.instant());
        });
    }

    /** The answer to an action: the incident id and the given name/value pairs (null values left out). */
    private static Map<String, Object> outcome(IncidentId id, Object... pairs) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id.value());
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                answer.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return answer;
    }

    private static String defaultActor(Caller caller) {
        return "api:" + caller.tenant().value();
    }

    private Map<String, Object> write(IncidentView incident) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", incident.id());
        json.put("agentId", incident.agentId());
        json.put("number", incident.number());
        json.put("kind", incident.kind());
        json.put("status", incident.status());
        json.put("severity", incident.severity() == null ? null
                : incident.severity().name().toLowerCase(Locale.ROOT));
        json.put("detectedAt", incident.detectedAt());
        json.put("startedAt", incident.startedAt());
        json.put("openedAt", incident.openedAt());
        json.put("acknowledgedAt", incident.acknowledgedAt());
        json.put("acknowledgedBy", incident.acknowledgedBy());
        json.put("resolvedAt", incident.resolvedAt());
        json.put("resolvedBy", incident.resolvedBy());
        json.put("recoveredAt", incident.recoveredAt());
        json.put("escalationLevel", incident.escalationLevel());
        json.put("escalationRound", incident.escalationRound());
        json.put("runbookUrl", runbooks.url(incident.agentId(), incident.id(), incident.runbookId()));
        json.put("evidence", incident.evidence());
        json.put("slackChannel", incident.slackChannelId() == null ? null
                : Map.of("id", incident.slackChannelId(), "name", incident.slackChannelName()));
        if (incident.timeline() != null) {
            json.put("timeline", incident.timeline());
        }
        return json;
    }

    private static FindIncidentsQuery listQuery(Caller caller, MultiValueMap<String, String> parameters) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : parameters.keySet()) {
            if (!LIST_PARAMETERS.contains(name)) {
                errors.add(new FieldError(name, "is not a known parameter; use "
                        + String.join(", ", List.of("agentId", "status", "from", "to", "limit", "cursor"))));
            }
        }
        String agentId = parameters.getFirst("agentId");
        IncidentStatus status = null;
        String statusText = parameters.getFirst("status");
        if (statusText != null) {
            try {
                status = IncidentStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be one of OPEN, ACKNOWLEDGED, RESOLVED"));
            }
        }
        Instant from = instant(parameters.getFirst("from"), "from", errors);
        Instant to = instant(parameters.getFirst("to"), "to", errors);
        int limit = DEFAULT_LIMIT;
        String limitText = parameters.getFirst("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
                if (limit < 1 || limit > MAX_LIMIT) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            }
        }
        String cursor = parameters.getFirst("cursor");
        if (cursor != null && !validCursor(cursor)) {
            errors.add(new FieldError("cursor", "is not a cursor this service handed out"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new FindIncidentsQuery(caller.tenant(), agentId, status, from, to, limit, parameters.getFirst("cursor"));
    }

    private static boolean validCursor(String cursor) {
        try {
            String raw = new String(java.util.Base64.getUrlDecoder().decode(cursor),
                    java.nio.charset.StandardCharsets.UTF_8);
            return raw.matches("\\d{1,18}\\|[a-z0-9-]{1,128}");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Instant instant(String text, String name, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name,
                    "must be an ISO-8601 timestamp with an offset, e.g. 2026-11-25T00:00:00Z"));
            return null;
        }
    }

    private static IncidentId incidentId(String value) {
        if (value == null || value.isBlank() || value.length() > 128 || !value.matches("[a-z0-9-]+")) {
            throw new InvalidRequestException("incidentId", "must be an incident id such as smith-law-intake-3");
        }
        return new IncidentId(value);
    }
}
