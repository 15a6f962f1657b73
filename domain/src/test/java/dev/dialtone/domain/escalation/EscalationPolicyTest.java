package dev.dialtone.domain.escalation;

import dev.dialtone.domain.escalation.api.DefineEscalationPolicyCommand;
import dev.dialtone.domain.escalation.api.EscalationLevel;
import dev.dialtone.domain.escalation.api.EscalationPolicyDefinedEvent;
import dev.dialtone.domain.escalation.api.EscalationPolicyId;
import dev.dialtone.domain.escalation.api.EscalationPolicyRevisedEvent;
import dev.dialtone.domain.escalation.api.NotificationTarget;
import dev.dialtone.domain.escalation.api.PolicyDefinition;
import dev.dialtone.domain.tenancy.TenantId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EscalationPolicyTest {

    private static final EscalationPolicyId FRONT_DESK =
            new EscalationPolicyId(new TenantId("smith-law"), "front-desk");

    private AggregateTestFixture<EscalationPolicy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EscalationPolicy.class);
    }

    @Test
    void definesANewPolicyAtVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new DefineEscalationPolicyCommand(FRONT_DESK, ladder(Duration.ofMinutes(5))))
                .expectEvents(new EscalationPolicyDefinedEvent(FRONT_DESK, ladder(Duration.ofMinutes(5)), 1))
                .expectResultMessagePayload(1L);
    }

    @Test
    void revisingAPolicyRecordsTheNewVersion() {
        fixture.given(new EscalationPolicyDefinedEvent(FRONT_DESK, ladder(Duration.ofMinutes(5)), 1))
                .when(new DefineEscalationPolicyCommand(FRONT_DESK, ladder(Duration.ofMinutes(2))))
                .expectEvents(new EscalationPolicyRevisedEvent(FRONT_DESK, ladder(Duration.ofMinutes(2)), 2))
                .expectResultMessagePayload(2L);
    }

    @Test
    void anUnchangedPolicyIsNotRevised() {
        fixture.given(new EscalationPolicyDefinedEvent(FRONT_DESK, ladder(Duration.ofMinutes(5)), 1))
                .when(new DefineEscalationPolicyCommand(FRONT_DESK, ladder(Duration.ofMinutes(5))))
                .expectNoEvents();
    }

    @Test
    void policyRulesAreEnforcedByTheValueTypes() {
        EscalationLevel level = ladder(Duration.ofMinutes(1)).levels().get(0);
        assertThatThrownBy(() -> new PolicyDefinition("x", 10, List.of(level)))
                .hasMessageContaining("repeat");
        assertThatThrownBy(() -> new PolicyDefinition("x", 0, Collections.nCopies(11, level)))
                .hasMessageContaining("levels");
        assertThatThrownBy(() -> new EscalationLevel(Duration.ZERO, level.targets()))
                .hasMessageContaining("ackTimeout");
        assertThatThrownBy(() -> NotificationTarget.pagerDuty(" "))
                .hasMessageContaining("routingKey");
    }

    private static PolicyDefinition ladder(Duration firstTimeout) {
        return new PolicyDefinition("Front desk", 1, List.of(
                new EscalationLevel(firstTimeout, List.of(NotificationTarget.pagerDuty("R0UT1NGKEY"))),
                new EscalationLevel(Duration.ofMinutes(10), List.of(NotificationTarget.slackChannel("C0INCIDENTS"),
                        NotificationTarget.webhook("https://example.test/hook", null)))));
    }
}
