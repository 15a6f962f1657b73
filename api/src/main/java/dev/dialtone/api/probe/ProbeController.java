package dev.dialtone.api.probe;

import dev.dialtone.api.agent.AgentController;
import dev.dialtone.api.registry.ConfigurationRegistry;
import dev.dialtone.api.security.Caller;
import dev.dialtone.api.web.ApiException;
import dev.dialtone.api.web.Blocking;
import dev.dialtone.api.web.InvalidRequestException;
import dev.dialtone.api.web.JsonBodies;
import dev.dialtone.api.web.Pages;
import dev.dialtone.domain.Slugs;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.DefineProbeCommand;
import dev.dialtone.domain.agent.api.ProbeDefinition;
import dev.dialtone.domain.agent.api.RemoveProbeCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * {@code /api/v1/agents/{agentId}/probes/{probeId}}: Dialtone checks the agent itself. A PUT creates (201) or
 * replaces (200) a probe, which then runs on every node's schedule once per interval; a DELETE stops it.
 */
@RestController
@RequestMapping("/api/v1/agents/{agentId}/probes")
public class ProbeController {

    private final CommandGateway commands;
    private final ConfigurationRegistry registry;
    private final JsonBodies bodies;

    public ProbeController(CommandGateway commands, ConfigurationRegistry registry, JsonBodies bodies) {
        this.commands = commands;
        this.registry = registry;
        this.bodies = bodies;
    }

    @PutMapping("/{probeId}")
    public Mono<ResponseEntity<Map<String, Object>>> define(@PathVariable String agentId,
                                                            @PathVariable String probeId,
                                                            @AuthenticationPrincipal Caller caller,
                                                            ServerWebExchange exchange) {
        AgentId id = AgentController.agentId(agentId);
        String probe = probeId(probeId);
        return bodies.read(exchange.getRequest()).flatMap(json -> Blocking.call(() -> {
            ProbeDefinition definition = ProbeJson.read(probe, json);
            if (json.has("probeId") && !probe.equals(json.get("probeId").asText())) {
                throw new InvalidRequestException("probeId", "must match the path (" + probe + ")");
            }
            registry.findAgent(caller.tenant(), id).orElseThrow(() -> AgentController.unknownAgent(agentId));
            boolean created = commands.sendAndWait(new DefineProbeCommand(id, caller.tenant(), definition));
            return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(ProbeJson.write(definition));
        }));
    }

    @GetMapping
    public Mono<Map<String, Object>> list(@PathVariable String agentId, @AuthenticationPrincipal Caller caller) {
        AgentId id = AgentController.agentId(agentId);
        return Blocking.call(() -> {
            registry.findAgent(caller.tenant(), id).orElseThrow(() -> AgentController.unknownAgent(agentId));
            return Pages.of(registry.probesOf(id).stream().map(ProbeJson::write).toList());
        });
    }

    @GetMapping("/{probeId}")
    public Mono<Map<String, Object>> get(@PathVariable String agentId, @PathVariable String probeId,
                                         @AuthenticationPrincipal Caller caller) {
        AgentId id = AgentController.agentId(agentId);
        String probe = probeId(probeId);
        return Blocking.call(() -> {
            registry.findAgent(caller.tenant(), id).orElseThrow(() -> AgentController.unknownAgent(agentId));
            return ProbeJson.write(registry.findProbe(id, probe).orElseThrow(() -> unknownProbe(agentId, probe)));
        });
    }

    @DeleteMapping("/{probeId}")
    public Mono<ResponseEntity<Void>> remove(@PathVariable String agentId, @PathVariable String probeId,
                                             @AuthenticationPrincipal Caller caller) {
        AgentId id = AgentController.agentId(agentId);
        String probe = probeId(probeId);
        return Blocking.call(() -> {
            registry.findAgent(caller.tenant(), id).orElseThrow(() -> AgentController.unknownAgent(agentId));
            commands.sendAndWait(new RemoveProbeCommand(id, caller.tenant(), probe));
            return ResponseEntity.noContent().build();
        });
    }

    private static ApiException unknownProbe(String agentId, String probeId) {
        return ApiException.notFound("agent '" + agentId + "' has no probe '" + probeId + "'");
    }

    private static String probeId(String value) {
        if (!Slugs.isSlug(value)) {
            throw new InvalidRequestException("probeId", "must be 1-" + Slugs.MAX_LENGTH
                    + " lowercase letters, digits or '-', starting with a letter or digit");
        }
        return value;
    }
}
