package dev.dialtone.domain.incident;

import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.FailoverTarget;
import dev.dialtone.domain.escalation.api.EscalationLevel;
import dev.dialtone.domain.escalation.api.NotificationTarget;
import dev.dialtone.domain.escalation.api.PolicyDefinition;
import dev.dialtone.domain.incident.api.EscalationPlan;
import dev.dialtone.domain.incident.api.Evidence;
import dev.dialtone.domain.incident.api.IncidentId;
import dev.dialtone.domain.incident.api.IncidentKind;
import dev.dialtone.domain.incident.api.IncidentOpenedEvent;
import dev.dialtone.domain.incident.api.Severity;
import dev.dialtone.domain.signal.api.SignalKind;
import dev.dialtone.domain.tenancy.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The incident most tests start from: an outage of Smith Law's intake line at 03:12. */
public final class IncidentFixtures {

    public static final IncidentId INCIDENT = new IncidentId("smith-law-intake-1");
    public static final TenantId TENANT = new TenantId("smith-law");
    public static final AgentId AGENT = new AgentId("smith-law-intake");
    public static final Instant DETECTED = Instant.parse("2026-11-25T03:12:00Z");
    public static final Instant OPENED = DETECTED.plusMillis(80);
    public static final NotificationTarget PAGER = NotificationTarget.pagerDuty("R0UT1NGKEY");
    public static final NotificationTarget SLACK = NotificationTarget.slackChannel("C0INCIDENTS");
    public static final NotificationTarget HOOK = NotificationTarget.webhook("https://example.test/hook", "s3cret");
    public static final FailoverTarget FAILOVER =
            new FailoverTarget("https://example.test/failover", "+14155550199", "fo-secret");
    public static final List<Evidence> EVIDENCE = List.of(
            new Evidence("probe-1", SignalKind.HEALTH_CHECK, DETECTED.minusSeconds(30), "sip-options DOWN: timeout"),
            new Evidence("probe-2", SignalKind.HEALTH_CHECK, DETECTED, "sip-options DOWN: timeout"));

    private IncidentFixtures() {
    }

    /** Level 1: PagerDuty for 5 minutes; level 2: Slack and a webhook for 10 minutes; the ladder runs twice. */
    public static EscalationPlan plan(long version, Duration firstTimeout, int repeat) {
        return new EscalationPlan("front-desk", version, new PolicyDefinition("Front desk", repeat, List.of(
                new EscalationLevel(firstTimeout, List.of(PAGER)),
                new EscalationLevel(Duration.ofMinutes(10), List.of(SLACK, HOOK)))), false);
    }

    public static IncidentOpenedEvent opened(IncidentKind kind, Severity severity, EscalationPlan plan,
                                             FailoverTarget failover) {
        return new IncidentOpenedEvent(INCIDENT, TENANT, AGENT, 1, kind, severity, DETECTED,
                DETECTED.minusSeconds(30), OPENED, EVIDENCE, "OUTAGE detected: sip-options DOWN: timeout",
                kind.runbookId(), plan, failover);
    }

    public static IncidentOpenedEvent outage() {
        return opened(IncidentKind.OUTAGE, Severity.CRITICAL, plan(3, Duration.ofMinutes(5), 1), FAILOVER);
    }
}
