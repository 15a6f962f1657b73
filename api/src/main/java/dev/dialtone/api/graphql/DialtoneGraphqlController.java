package dev.dialtone.api.graphql;

import dev.dialtone.api.config.DialtoneProperties;
import dev.dialtone.api.registry.ConfigurationRegistry;
import dev.dialtone.api.runbook.RunbookLinks;
import dev.dialtone.api.security.Caller;
import dev.dialtone.api.sla.ReportPeriod;
import dev.dialtone.api.sla.SlaService;
import dev.dialtone.api.web.Blocking;
import dev.dialtone.api.web.InvalidRequestException;
import dev.dialtone.domain.Slugs;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentStatusView;
import dev.dialtone.domain.agent.api.FindAgentStatusQuery;
import dev.dialtone.domain.incident.api.AcknowledgeIncidentCommand;
import dev.dialtone.domain.incident.api.FindIncidentQuery;
import dev.dialtone.domain.incident.api.FindIncidentsQuery;
import dev.dialtone.domain.incident.api.IncidentId;
import dev.dialtone.domain.incident.api.IncidentPage;
import dev.dialtone.domain.incident.api.IncidentStatus;
import dev.dialtone.domain.incident.api.IncidentView;
import dev.dialtone.domain.incident.api.ResolveIncidentCommand;
import dev.dialtone.domain.incident.api.TimelineEntry;
import dev.dialtone.domain.sla.SlaReport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolvers for {@code schema.graphqls}. Every entry point starts from the caller's tenant, so nothing reachable from
 * here belongs to another tenant; mutations need the operator role, as on REST.
 */
@Controller
public class DialtoneGraphqlController {

    private final ConfigurationRegistry registry;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final SlaService sla;
    private final RunbookLinks runbooks;
    private final Clock clock = Clock.systemUTC();

    public DialtoneGraphqlController(ConfigurationRegistry registry, QueryGateway queries, CommandGateway commands,
                                     SlaService sla, RunbookLinks runbooks) {
        this.registry = registry;
        this.queries = queries;
        this.commands = commands;
        this.sla = sla;
        this.runbooks = runbooks;
    }

    @QueryMapping
    public Mono<List<GraphqlNodes.AgentNode>> agents(@AuthenticationPrincipal Caller caller) {
        return Blocking.call(() -> registry.agentsOf(caller.tenant()).stream().map(GraphqlNodes.AgentNode::of)
                .toList());
    }

    @QueryMapping
    public Mono<GraphqlNodes.AgentNode> agent(@Argument String id, @AuthenticationPrincipal Caller caller) {
        if (!Slugs.isSlug(id)) {
            return Mono.empty();
        }
        return Blocking.call(() -> registry.findAgent(caller.tenant(), new AgentId(id))
                .map(GraphqlNodes.AgentNode::of).orElse(null));
    }

    @QueryMapping
    public Mono<IncidentPage> incidents(@Argument Map<String, Object> filter, @Argument Integer first,
                                        @Argument String after, @AuthenticationPrincipal Caller caller) {
        Map<String, Object> f = filter == null ? Map.of() : filter;
        int limit = first == null ? 50 : first;
        if (limit < 1 || limit > 200) {
            throw new InvalidRequestException("first", "must be from 1 to 200");
        }
        IncidentStatus status = f.get("status") == null ? null : IncidentStatus.valueOf(f.get("status").toString());
        FindIncidentsQuery query = new FindIncidentsQuery(caller.tenant(), (String) f.get("agentId"), status,
                instant((String) f.get("from"), "filter.from"), instant((String) f.get("to"), "filter.to"), limit,
                after);
        return Mono.fromFuture(() -> queries.query(query, IncidentPage.class));
    }

    @QueryMapping
    public Mono<IncidentView> incident(@Argument String id, @AuthenticationPrincipal Caller caller) {
        if (id == null || !id.matches("[a-z0-9-]{1,128}")) {
            return Mono.empty();
        }
        return Mono.fromFuture(() -> queries.query(new FindIncidentQuery(caller.tenant(), new IncidentId(id)),
                IncidentView.class));
    }

    @QueryMapping
    public Mono<SlaReport> slaReport(@Argument String agentId, @Argument String from, @Argument String to,
                                     @Argument String asOf, @AuthenticationPrincipal Caller caller) {
        ReportPeriod period = ReportPeriod.parse(null, from, to, asOf, clock.instant());
        if (!Slugs.isSlug(agentId)) {
            return Mono.empty();
        }
        return report(caller, agentId, period);
    }

    @MutationMapping
    public Mono<GraphqlNodes.IncidentActionPayload> acknowledgeIncident(@Argument Map<String, Object> input,
                                                                        @AuthenticationPrincipal Caller caller) {
        requireOperator(caller);
        IncidentId id = new IncidentId((String) input.get("incidentId"));
        String by = actor(input, caller);
        Instant now = clock.instant();
        return Blocking.call(() -> {
            commands.sendAndWait(new AcknowledgeIncidentCommand(id, caller.tenant(), by, now));
            return new GraphqlNodes.IncidentActionPayload(id.value(), IncidentStatus.ACKNOWLEDGED.name(), by, now);
        });
    }

    @MutationMapping
    public Mono<GraphqlNodes.IncidentActionPayload> resolveIncident(@Argument Map<String, Object> input,
                                                                    @AuthenticationPrincipal Caller caller) {
        requireOperator(caller);
        IncidentId id = new IncidentId((String) input.get("incidentId"));
        String by = actor(input, caller);
        String note = (String) input.get("note");
        Instant now = clock.instant();
        return Blocking.call(() -> {
            commands.sendAndWait(new ResolveIncidentCommand(id, caller.tenant(), by, note, false, null, now));
            return new GraphqlNodes.IncidentActionPayload(id.value(), IncidentStatus.RESOLVED.name(), by, now);
        });
    }

    @SchemaMapping(typeName = "Agent")
    public Mono<GraphqlNodes.AgentStatusNode> status(GraphqlNodes.AgentNode agent) {
        return Mono.fromFuture(() -> queries.query(new FindAgentStatusQuery(new AgentId(agent.id())),
                        AgentStatusView.class))
                .defaultIfEmpty(AgentStatusView.empty())
                .map(GraphqlNodes.AgentStatusNode::of);
    }

    @SchemaMapping(typeName = "Agent")
    public Mono<List<IncidentView>> incidents(GraphqlNodes.AgentNode agent, @Argument IncidentStatus status,
                                              @Argument Integer first, @AuthenticationPrincipal Caller caller) {
        int limit = first == null ? 20 : Math.max(1, Math.min(200, first));
        return Mono.fromFuture(() -> queries.query(new FindIncidentsQuery(caller.tenant(), agent.id(), status, null,
                null, limit, null), IncidentPage.class)).map(IncidentPage::items);
    }

    @SchemaMapping(typeName = "Agent")
    public Mono<SlaReport> sla(GraphqlNodes.AgentNode agent, @Argument String month, @Argument String from,
                               @Argument String to, @Argument String asOf, @AuthenticationPrincipal Caller caller) {
        return report(caller, agent.id(), ReportPeriod.parse(month, from, to, asOf, clock.instant()));
    }

    @SchemaMapping(typeName = "Incident")
    public String severity(IncidentView incident) {
        return incident.severity() == null ? null : incident.severity().name().toLowerCase(Locale.ROOT);
    }

    @SchemaMapping(typeName = "Incident")
    public Mono<String> runbookUrl(IncidentView incident) {
        return Blocking.call(() -> runbooks.url(incident.agentId(), incident.id(), incident.runbookId()));
    }

    /** Lists carry no timelines; a query that asks for one fetches the incident whole. */
    @SchemaMapping(typeName = "Incident")
    public Mono<List<TimelineEntry>> timeline(IncidentView incident, @AuthenticationPrincipal Caller caller) {
        if (incident.timeline() != null) {
            return Mono.just(incident.timeline());
        }
        return Mono.fromFuture(() -> queries.query(new FindIncidentQuery(caller.tenant(),
                        new IncidentId(incident.id())), IncidentView.class))
                .map(IncidentView::timeline)
                .defaultIfEmpty(List.of());
    }

    private Mono<SlaReport> report(Caller caller, String agentId, ReportPeriod period) {
        return Blocking.call(() -> registry.findAgent(caller.tenant(), new AgentId(agentId)).orElse(null))
                .flatMap(agent -> sla.reports(caller.tenant(), List.of(agent), period))
                .flatMap(reports -> Mono.justOrEmpty(reports.isEmpty() ? null : reports.get(0)));
    }

    private static void requireOperator(Caller caller) {
        if (caller.role() != DialtoneProperties.Role.OPERATOR) {
            throw new AccessDeniedException("this API key's role may not change incidents");
        }
    }

    private static String actor(Map<String, Object> input, Caller caller) {
        Object by = input.get("by");
        return by == null ? "api:" + caller.tenant().value() : by.toString();
    }

    private static Instant instant(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be an ISO-8601 timestamp with an offset");
        }
    }
}
