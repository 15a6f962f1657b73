package dev.dialtone.api.agent;

import dev.dialtone.api.registry.ConfigurationRegistry;
import dev.dialtone.api.registry.RegisteredAgent;
import dev.dialtone.api.security.Caller;
import dev.dialtone.api.web.ApiException;
import dev.dialtone.api.web.Blocking;
import dev.dialtone.api.web.Fields;
import dev.dialtone.api.web.InvalidRequestException;
import dev.dialtone.api.web.JsonBodies;
import dev.dialtone.api.web.Pages;
import dev.dialtone.domain.Slugs;
import dev.dialtone.domain.agent.api.AgentConfiguration;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentStatusView;
import dev.dialtone.domain.agent.api.ConfigureAgentCommand;
import dev.dialtone.domain.agent.api.FindAgentStatusQuery;
import dev.dialtone.domain.escalation.api.EscalationPolicyId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Agents: configuration is event-sourced (a PUT is a {@link ConfigureAgentCommand}) and read back from the registry,
 * so a GET right after a PUT sees it; live status comes from the projections.
 */
@RestController
@RequestMapping("/api/v1/agents")
public class AgentController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ConfigurationRegistry registry;
    private final JsonBodies bodies;

    public AgentController(CommandGateway commands, QueryGateway queries, ConfigurationRegistry registry,
                           JsonBodies bodies) {
        this.commands = commands;
        this.queries = queries;
        this.registry = registry;
        this.bodies = bodies;
    }

    @PutMapping("/{agentId}")
    public Mono<ResponseEntity<Map<String, Object>>> configure(@PathVariable String agentId,
                                                               @AuthenticationPrincipal Caller caller,
                                                               ServerWebExchange exchange) {
        AgentId id = agentId(agentId);
        return bodies.read(exchange.getRequest()).flatMap(json -> Blocking.call(() -> {
            Fields fields = Fields.of(json);
            AgentConfiguration configuration = AgentJson.parse(fields);
            fields.throwIfInvalid();
            requirePolicy(caller, fields, "escalationPolicyId", configuration.escalationPolicyId());
            requirePolicy(caller, fields, "afterHoursPolicyId", configuration.afterHoursPolicyId());
            fields.throwIfInvalid();
            boolean existed = registry.findAgent(id).isPresent();
            commands.sendAndWait(new ConfigureAgentCommand(id, caller.tenant(), configuration));
            RegisteredAgent saved = registry.findAgent(caller.tenant(), id).orElseThrow();
            return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED)
                    .body(AgentJson.write(saved, null));
        }));
    }

    @GetMapping
    public Mono<Map<String, Object>> list(@AuthenticationPrincipal Caller caller) {
        return Blocking.call(() -> registry.agentsOf(caller.tenant()))
                .flatMapMany(Flux::fromIterable)
                .concatMap(agent -> status(agent.agentId()).map(status -> AgentJson.write(agent, status)))
                .collectList()
                .map(Pages::of);
    }

    @GetMapping("/{agentId}")
    public Mono<Map<String, Object>> get(@PathVariable String agentId, @AuthenticationPrincipal Caller caller) {
        AgentId id = agentId(agentId);
        return Blocking.call(() -> registry.findAgent(caller.tenant(), id)
                        .orElseThrow(() -> unknownAgent(agentId)))
                .flatMap(agent -> status(id).map(status -> AgentJson.write(agent, status)));
    }

    private Mono<AgentStatusView> status(AgentId agentId) {
        return Mono.fromFuture(() -> queries.query(new FindAgentStatusQuery(agentId), AgentStatusView.class));
    }

    private void requirePolicy(Caller caller, Fields fields, String field, String policyId) {
        if (policyId != null
                && registry.findPolicy(new EscalationPolicyId(caller.tenant(), policyId)).isEmpty()) {
            fields.reject(field, "unknown escalation policy '" + policyId
                    + "'; create it first with PUT /api/v1/escalation-policies/" + policyId);
        }
    }

    public static AgentId agentId(String value) {
        if (!Slugs.isSlug(value)) {
            throw new InvalidRequestException("agentId", "must be 1-" + Slugs.MAX_LENGTH
                    + " lowercase letters, digits or '-', starting with a letter or digit");
        }
        return new AgentId(value);
    }

    public static ApiException unknownAgent(String agentId) {
        return ApiException.notFound("no agent '" + agentId + "'");
    }
}
