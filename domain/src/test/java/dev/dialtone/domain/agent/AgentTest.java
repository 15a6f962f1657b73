package dev.dialtone.domain.agent;

import dev.dialtone.domain.agent.api.AgentClaimedByAnotherTenantException;
import dev.dialtone.domain.agent.api.AgentConfiguration;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.AgentReconfiguredEvent;
import dev.dialtone.domain.agent.api.AgentRegisteredEvent;
import dev.dialtone.domain.agent.api.BusinessHours;
import dev.dialtone.domain.agent.api.ConfigureAgentCommand;
import dev.dialtone.domain.agent.api.DetectionSettings;
import dev.dialtone.domain.tenancy.TenantId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

class AgentTest {

    private static final AgentId AGENT = new AgentId("smith-law-intake");
    private static final TenantId SMITH = new TenantId("smith-law");
    private static final TenantId OTHER = new TenantId("other-firm");

    private AggregateTestFixture<Agent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agent.class);
    }

    @Test
    void registersANewAgentAtVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new ConfigureAgentCommand(AGENT, SMITH, configuration("Intake")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgentRegisteredEvent(AGENT, SMITH, configuration("Intake"), 1))
                .expectResultMessagePayload(1L);
    }

    @Test
    void reconfiguringBumpsTheVersion() {
        fixture.given(new AgentRegisteredEvent(AGENT, SMITH, configuration("Intake"), 1))
                .when(new ConfigureAgentCommand(AGENT, SMITH, configuration("Intake line")))
                .expectEvents(new AgentReconfiguredEvent(AGENT, SMITH, configuration("Intake line"), 2))
                .expectResultMessagePayload(2L);
    }

    @Test
    void repeatingTheCurrentConfigurationChangesNothing() {
        fixture.given(new AgentRegisteredEvent(AGENT, SMITH, configuration("Intake"), 1),
                        new AgentReconfiguredEvent(AGENT, SMITH, configuration("Intake line"), 2))
                .when(new ConfigureAgentCommand(AGENT, SMITH, configuration("Intake line")))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void anotherTenantCannotTakeOverAnAgentId() {
        fixture.given(new AgentRegisteredEvent(AGENT, SMITH, configuration("Intake"), 1))
                .when(new ConfigureAgentCommand(AGENT, OTHER, configuration("Mine now")))
                .expectNoEvents()
                .expectException(AgentClaimedByAnotherTenantException.class);
    }

    static AgentConfiguration configuration(String name) {
        return new AgentConfiguration(name, List.of("+14155550100"), 99.9, ZoneId.of("America/Los_Angeles"),
                BusinessHours.ALWAYS, null, null, null, 95.0, 450.0, DetectionSettings.DEFAULTS, Map.of(), Map.of());
    }
}
