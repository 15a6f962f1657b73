package dev.dialtone.api.graphql;

import dev.dialtone.api.registry.RegisteredAgent;
import dev.dialtone.domain.agent.api.AgentStatusView;

import java.time.Instant;

/** The GraphQL shapes that are not domain views as they are. */
final class GraphqlNodes {

    private GraphqlNodes() {
    }

    /** An agent of the caller's tenant; its status, incidents and SLA are resolved when asked for. */
    record AgentNode(String id, String tenant, String name, String timezone, double sloTarget,
                     double callSuccessTarget, String escalationPolicyId) {

        static AgentNode of(RegisteredAgent agent) {
            return new AgentNode(agent.agentId().value(), agent.tenant().value(), agent.configuration().name(),
                    agent.configuration().timezone().getId(), agent.configuration().sloTarget(),
                    agent.configuration().callSuccessTarget(), agent.configuration().escalationPolicyId());
        }
    }

    record AgentStatusNode(Instant lastCallAt, String lastCallOutcome, Instant lastHealthCheckAt,
                           String lastHealthCheck, String lastHealthStatus, long inboundCalls, long outboundCalls) {

        static AgentStatusNode of(AgentStatusView status) {
            return new AgentStatusNode(
                    status.lastCall() == null ? null : status.lastCall().occurredAt(),
                    status.lastCall() == null ? null : status.lastCall().outcome().name(),
                    status.lastHealthCheck() == null ? null : status.lastHealthCheck().occurredAt(),
                    status.lastHealthCheck() == null ? null : status.lastHealthCheck().check(),
                    status.lastHealthCheck() == null ? null : status.lastHealthCheck().status().name(),
                    status.calls().inbound(), status.calls().outbound());
        }
    }

    record IncidentActionPayload(String incidentId, String status, String by, Instant at) {
    }
}
