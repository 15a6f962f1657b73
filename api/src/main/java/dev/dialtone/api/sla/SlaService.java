package dev.dialtone.api.sla;

import dev.dialtone.api.registry.ConfigurationRegistry;
import dev.dialtone.api.registry.RegisteredAgent;
import dev.dialtone.domain.sla.FindSlaReportsQuery;
import dev.dialtone.domain.sla.SlaReport;
import dev.dialtone.domain.tenancy.TenantId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Builds SLA reports for REST and GraphQL alike: each agent's window in its own time zone, judged against its own
 * targets (as configured now).
 */
@Service
public class SlaService {

    private final ConfigurationRegistry registry;
    private final QueryGateway queries;

    public SlaService(ConfigurationRegistry registry, QueryGateway queries) {
        this.registry = registry;
        this.queries = queries;
    }

    public Mono<List<SlaReport>> reports(TenantId tenant, List<RegisteredAgent> agents, ReportPeriod period) {
        if (agents.isEmpty()) {
            return Mono.just(List.of());
        }
        List<FindSlaReportsQuery.Subject> subjects = agents.stream()
                .map(agent -> new FindSlaReportsQuery.Subject(agent.agentId().value(),
                        period.window(agent.configuration().timezone()), agent.configuration().sloTarget(),
                        agent.configuration().leadValue()))
                .toList();
        return Mono.fromFuture(() -> queries.query(new FindSlaReportsQuery(tenant, subjects, period.asOf(),
                        period.latest()),
                ResponseTypes.multipleInstancesOf(SlaReport.class)));
    }

    public ConfigurationRegistry registry() {
        return registry;
    }
}
