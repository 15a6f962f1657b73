package dev.dialtone.api.policy;

import dev.dialtone.api.registry.ConfigurationRegistry;
import dev.dialtone.api.security.Caller;
import dev.dialtone.api.web.ApiException;
import dev.dialtone.api.web.Blocking;
import dev.dialtone.api.web.Fields;
import dev.dialtone.api.web.InvalidRequestException;
import dev.dialtone.api.web.JsonBodies;
import dev.dialtone.api.web.Pages;
import dev.dialtone.domain.Slugs;
import dev.dialtone.domain.escalation.api.DefineEscalationPolicyCommand;
import dev.dialtone.domain.escalation.api.EscalationPolicyId;
import dev.dialtone.domain.escalation.api.PolicyDefinition;
import dev.dialtone.domain.tenancy.TenantId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;

/** Escalation policies of the caller's tenant. */
@RestController
@RequestMapping("/api/v1/escalation-policies")
public class EscalationPolicyController {

    private final CommandGateway commands;
    private final ConfigurationRegistry registry;
    private final JsonBodies bodies;

    public EscalationPolicyController(CommandGateway commands, ConfigurationRegistry registry, JsonBodies bodies) {
        this.commands = commands;
        this.registry = registry;
        this.bodies = bodies;
    }

    @PutMapping("/{policyId}")
    public Mono<ResponseEntity<Map<String, Object>>> define(@PathVariable String policyId,
                                                            @AuthenticationPrincipal Caller caller,
                                                            ServerWebExchange exchange) {
        EscalationPolicyId id = policyId(caller.tenant(), policyId);
        return bodies.read(exchange.getRequest()).flatMap(json -> Blocking.call(() -> {
            Fields fields = Fields.of(json);
            PolicyDefinition definition = PolicyJson.parse(fields);
            fields.throwIfInvalid();
            boolean existed = registry.findPolicy(id).isPresent();
            commands.sendAndWait(new DefineEscalationPolicyCommand(id, definition));
            return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED)
                    .body(PolicyJson.write(registry.findPolicy(id).orElseThrow()));
        }));
    }

    @GetMapping
    public Mono<Map<String, Object>> list(@AuthenticationPrincipal Caller caller) {
        return Blocking.call(() -> Pages.of(registry.policiesOf(caller.tenant()).stream()
                .map(PolicyJson::write).toList()));
    }

    @GetMapping("/{policyId}")
    public Mono<Map<String, Object>> get(@PathVariable String policyId, @AuthenticationPrincipal Caller caller) {
        EscalationPolicyId id = policyId(caller.tenant(), policyId);
        return Blocking.call(() -> PolicyJson.write(registry.findPolicy(id)
                .orElseThrow(() -> ApiException.notFound("no escalation policy '" + policyId + "'"))));
    }

    private static EscalationPolicyId policyId(TenantId tenant, String value) {
        if (!Slugs.isSlug(value)) {
            throw new InvalidRequestException("policyId", "must be 1-" + Slugs.MAX_LENGTH
                    + " lowercase letters, digits or '-', starting with a letter or digit");
        }
        return new EscalationPolicyId(tenant, value);
    }
}
