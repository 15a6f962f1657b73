package dev.dialtone.api.runbook;

import dev.dialtone.api.config.DialtoneProperties;
import dev.dialtone.api.registry.ConfigurationRegistry;
import dev.dialtone.api.registry.RegisteredAgent;
import dev.dialtone.api.web.Blocking;
import dev.dialtone.domain.Slugs;
import dev.dialtone.domain.agent.api.AgentConfiguration;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.escalation.api.EscalationLevel;
import dev.dialtone.domain.escalation.api.EscalationPolicyId;
import dev.dialtone.domain.escalation.api.NotificationTarget;
import dev.dialtone.domain.tenancy.TenantId;
import dev.dialtone.runbooks.RunbookCatalog;
import dev.dialtone.runbooks.RunbookRenderer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code GET /runbooks} lists the runbooks, {@code GET /runbooks/{id}} shows one as HTML. Opened from an incident's
 * signed link ({@code ?incident=&sig=}, see {@link RunbookLinks}), the page is filled in with that agent's phone
 * numbers, backup line, failover URL and escalation policy; otherwise it reads generically ("the agent").
 */
@RestController
public class RunbookController {

    private static final Pattern INCIDENT_ID = Pattern.compile("([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)-(\\d{1,9})");
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final RunbookCatalog catalog = new RunbookCatalog();
    private final RunbookRenderer renderer = new RunbookRenderer(catalog);
    private final RunbookLinks links;
    private final ConfigurationRegistry registry;
    private final String base;

    public RunbookController(RunbookLinks links, ConfigurationRegistry registry, DialtoneProperties properties) {
        this.links = links;
        this.registry = registry;
        this.base = properties.publicBaseUrl().toString().replaceAll("/+$", "");
    }

    @GetMapping({"/runbooks", "/runbooks/"})
    public ResponseEntity<String> index(@RequestParam(required = false) String incident,
                                        @RequestParam(required = false) String sig) {
        return html(HttpStatus.OK, renderer.renderIndex(context(incident, sig)));
    }

    @GetMapping("/runbooks/{id}")
    public Mono<ResponseEntity<String>> runbook(@PathVariable String id,
                                                @RequestParam(required = false) String incident,
                                                @RequestParam(required = false) String sig) {
        if (!catalog.exists(id)) {
            return Mono.just(html(HttpStatus.NOT_FOUND, renderer.renderIndex(null)));
        }
        boolean signed = links.verify(incident, sig);
        return Blocking.call(() -> signed ? values(incident) : Map.<String, String>of())
                .map(values -> html(HttpStatus.OK, renderer.render(id, values, context(incident, sig))));
    }

    /** The query a signed page passes on to the runbooks it links to, so they stay filled in. */
    private String context(String incident, String sig) {
        return links.verify(incident, sig) ? "incident=" + incident + "&sig=" + sig : null;
    }

    /** The placeholders of the incident's agent, as configured now. */
    private Map<String, String> values(String incidentId) {
        Matcher id = INCIDENT_ID.matcher(incidentId);
        if (!id.matches() || !Slugs.isSlug(id.group(1))) {
            return Map.of();
        }
        Optional<RegisteredAgent> found = registry.findAgent(new AgentId(id.group(1)));
        if (found.isEmpty()) {
            return Map.of();
        }
        AgentConfiguration agent = found.get().configuration();
        Map<String, String> values = new HashMap<>();
        values.put("agentName", agent.name());
        values.put("agentId", id.group(1));
        values.put("phoneNumbers", String.join(", ", agent.phoneNumbers()));
        values.put("timezone", agent.timezone().getId());
        values.put("incidentUrl", base + "/api/v1/incidents/" + incidentId);
        if (agent.failover() != null) {
            values.put("failoverUrl", agent.failover().url());
            if (agent.failover().backupNumber() != null) {
                values.put("backupNumber", agent.failover().backupNumber());
            }
        }
        if (agent.escalationPolicyId() != null) {
            values.put("escalationPolicy", policy(found.get().tenant(), agent.escalationPolicyId()));
        }
        return values;
    }

    /** "Front desk (front-desk): level 1 pagerduty, then after 5 min level 2 slack #C0INCIDENTS". */
    private String policy(TenantId tenant, String policyId) {
        return registry.findPolicy(new EscalationPolicyId(tenant, policyId)).map(policy -> {
            List<EscalationLevel> levels = policy.definition().levels();
            StringBuilder text = new StringBuilder(policy.definition().name()).append(" (").append(policyId)
                    .append("): ");
            for (int i = 0; i < levels.size(); i++) {
                if (i > 0) {
                    text.append(", then after ").append(levels.get(i - 1).ackTimeout().toMinutes())
                            .append(" min without acknowledgement ");
                }
                text.append("level ").append(i + 1).append(' ').append(levels.get(i).targets().stream()
                        .map(RunbookController::target).collect(Collectors.joining(" and ")));
            }
            return text.toString();
        }).orElse(policyId);
    }

    private static String target(NotificationTarget target) {
        String type = target.type().name().toLowerCase(Locale.ROOT);
        return switch (target.type()) {
            case SLACK -> type + (target.channel() != null ? " #" + target.channel() : " @" + target.user());
            case WEBHOOK -> type + " " + URI.create(target.url()).getHost();
            default -> type;
        };
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(HTML).header("Cache-Control", "no-store").body(body);
    }
}
