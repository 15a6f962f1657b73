package dev.dialtone.domain.agent.api;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an operator configures about an agent line. Validated field by field at the API edge; the compact
 * constructor keeps the invariants the domain relies on.
 *
 * @param sloTarget         uptime objective in percent, e.g. 99.9
 * @param callSuccessTarget call-success objective in percent, e.g. 95
 * @param leadValue         what one missed inbound call costs the business, for the SLA report
 * @param runbookUrls       the business's own runbook for some of Dialtone's runbook ids ({@code outage} to its wiki
 *                          page): incidents of this agent link there instead
 */
public record AgentConfiguration(String name,
                                 List<String> phoneNumbers,
                                 double sloTarget,
                                 ZoneId timezone,
                                 BusinessHours businessHours,
                                 String escalationPolicyId,
                                 String afterHoursPolicyId,
                                 FailoverTarget failover,
                                 double callSuccessTarget,
                                 double leadValue,
                                 DetectionSettings detection,
                                 Map<VoicePlatform, String> webhookSecrets,
                                 Map<String, String> runbookUrls) {

    public AgentConfiguration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timezone, "timezone");
        phoneNumbers = phoneNumbers == null ? List.of() : List.copyOf(phoneNumbers);
        businessHours = businessHours == null ? BusinessHours.ALWAYS : businessHours;
        detection = detection == null ? DetectionSettings.DEFAULTS : detection;
        webhookSecrets = webhookSecrets == null ? Map.of() : Map.copyOf(webhookSecrets);
        runbookUrls = runbookUrls == null ? Map.of() : Map.copyOf(runbookUrls);
        if (!(sloTarget > 0 && sloTarget < 100)) {
            throw new IllegalArgumentException("sloTarget must be between 0 and 100 (exclusive)");
        }
        if (!(callSuccessTarget > 0 && callSuccessTarget < 100)) {
            throw new IllegalArgumentException("callSuccessTarget must be between 0 and 100 (exclusive)");
        }
        if (leadValue < 0) {
            throw new IllegalArgumentException("leadValue must not be negative");
        }
    }
}
