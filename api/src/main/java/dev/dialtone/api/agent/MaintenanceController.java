package dev.dialtone.api.agent;

import dev.dialtone.api.registry.ConfigurationRegistry;
import dev.dialtone.api.security.Caller;
import dev.dialtone.api.web.Blocking;
import dev.dialtone.api.web.Fields;
import dev.dialtone.api.web.InvalidRequestException;
import dev.dialtone.api.web.JsonBodies;
import dev.dialtone.api.web.Pages;
import dev.dialtone.domain.Slugs;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.CancelMaintenanceCommand;
import dev.dialtone.domain.agent.api.MaintenanceWindow;
import dev.dialtone.domain.agent.api.ScheduleMaintenanceCommand;
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

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Planned maintenance: no new incidents open inside a window, and its time does not count against uptime. */
@RestController
@RequestMapping("/api/v1/agents/{agentId}/maintenance-windows")
public class MaintenanceController {

    static final Duration MAX_LENGTH = Duration.ofDays(31);
    private static final Set<String> FIELDS = Set.of("from", "to", "reason", "windowId");

    private final CommandGateway commands;
    private final ConfigurationRegistry registry;
    private final JsonBodies bodies;

    public MaintenanceController(CommandGateway commands, ConfigurationRegistry registry, JsonBodies bodies) {
        this.commands = commands;
        this.registry = registry;
        this.bodies = bodies;
    }

    @PutMapping("/{windowId}")
    public Mono<ResponseEntity<Map<String, Object>>> schedule(@PathVariable String agentId,
                                                              @PathVariable String windowId,
                                                              @AuthenticationPrincipal Caller caller,
                                                              ServerWebExchange exchange) {
        AgentId id = AgentController.agentId(agentId);
        String window = windowId(windowId);
        return bodies.read(exchange.getRequest()).flatMap(json -> Blocking.call(() -> {
            Fields fields = Fields.of(json);
            fields.rejectUnknown(FIELDS);
            Instant from = fields.requiredInstant("from");
            Instant to = fields.requiredInstant("to");
            String reason = fields.optionalText("reason", Fields.MAX_TEXT_LENGTH);
            if (from != null && to != null) {
                if (!to.isAfter(from)) {
                    fields.reject("to", "must be after from");
                } else if (Duration.between(from, to).compareTo(MAX_LENGTH) > 0) {
                    fields.reject("to", "a maintenance window may last at most " + MAX_LENGTH.toDays() + " days");
                }
            }
            fields.throwIfInvalid();
            registry.findAgent(caller.tenant(), id).orElseThrow(() -> AgentController.unknownAgent(agentId));
            boolean existed = registry.maintenanceOf(id).stream().anyMatch(w -> w.windowId().equals(window));
            MaintenanceWindow planned = new MaintenanceWindow(window, from, to, reason);
            commands.sendAndWait(new ScheduleMaintenanceCommand(id, caller.tenant(), planned));
            return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED).body(write(planned));
        }));
    }

    @DeleteMapping("/{windowId}")
    public Mono<ResponseEntity<Void>> cancel(@PathVariable String agentId, @PathVariable String windowId,
                                             @AuthenticationPrincipal Caller caller) {
        AgentId id = AgentController.agentId(agentId);
        String window = windowId(windowId);
        return Blocking.call(() -> {
            registry.findAgent(caller.tenant(), id).orElseThrow(() -> AgentController.unknownAgent(agentId));
            commands.sendAndWait(new CancelMaintenanceCommand(id, caller.tenant(), window));
            return ResponseEntity.noContent().build();
        });
    }

    @GetMapping
    public Mono<Map<String, Object>> list(@PathVariable String agentId, @AuthenticationPrincipal Caller caller) {
        AgentId id = AgentController.agentId(agentId);
        return Blocking.call(() -> {
            registry.findAgent(caller.tenant(), id).orElseThrow(() -> AgentController.unknownAgent(agentId));
            return Pages.of(registry.maintenanceOf(id).stream().map(MaintenanceController::write).toList());
        });
    }

    static Map<String, Object> write(MaintenanceWindow window) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("windowId", window.windowId());
        json.put("from", window.from());
        json.put("to", window.to());
        json.put("reason", window.reason());
        return json;
    }

    private static String windowId(String value) {
        if (!Slugs.isSlug(value)) {
            throw new InvalidRequestException("windowId", "must be 1-" + Slugs.MAX_LENGTH
                    + " lowercase letters, digits or '-', starting with a letter or digit");
        }
        return value;
    }
}
