package dev.dialtone.api.support;

/** Request bodies shaped like DESIGN.md's examples. */
public final class Payloads {

    private Payloads() {
    }

    public static String policy() {
        return """
                {"name": "Front desk", "repeat": 1,
                 "levels": [{"ackTimeout": "PT5M", "targets": [{"type": "pagerduty", "routingKey": "R0UT1NGKEY"}]},
                            {"ackTimeout": "PT10M", "targets": [{"type": "slack", "channel": "C0INCIDENTS"},
                                                                {"type": "webhook", "url": "https://example.test/hook"}]}]}
                """;
    }

    public static String agent(String name, String policyId) {
        return """
                {"name": "%s", "phoneNumbers": ["+14155550100"], "sloTarget": 99.9,
                 "timezone": "America/Los_Angeles",
                 "businessHours": {"MONDAY": ["08:00-18:00"], "TUESDAY": ["08:00-18:00"]},
                 "escalationPolicyId": %s, "afterHoursPolicyId": null,
                 "failover": {"url": "https://example.test/failover", "backupNumber": "+14155550199", "secret": "fo"},
                 "callSuccessTarget": 95.0, "leadValue": 450.0,
                 "detection": {"healthFailuresToOpen": 2, "healthSuccessesToResolve": 2, "badCallsToOpen": 5,
                               "baselineBadRate": 0.03, "degradedBadRate": 0.15, "silence": "PT30M",
                               "reopenWindow": "PT10M", "autoResolve": true},
                 "webhookSecrets": {"twilio": "auth-token", "vapi": "vapi-secret"}}
                """.formatted(name, policyId == null ? "null" : "\"" + policyId + "\"");
    }

    public static String call(String id, String agentId, String occurredAt, String outcome) {
        return """
                {"id": "%s", "agentId": "%s", "callId": "%s", "occurredAt": "%s",
                 "direction": "INBOUND", "outcome": "%s", "durationSeconds": 41, "reason": "test"}
                """.formatted(id, agentId, id, occurredAt, outcome);
    }

    public static String healthCheck(String id, String agentId, String occurredAt, String status) {
        return """
                {"id": "%s", "agentId": "%s", "check": "sip-options", "occurredAt": "%s", "status": "%s",
                 "latencyMs": 120, "detail": "test"}
                """.formatted(id, agentId, occurredAt, status);
    }

    public static String batch(String... items) {
        return "[" + String.join(",", items) + "]";
    }
}
