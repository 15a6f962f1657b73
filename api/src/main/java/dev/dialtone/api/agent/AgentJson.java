package dev.dialtone.api.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.api.registry.RegisteredAgent;
import dev.dialtone.api.web.Fields;
import dev.dialtone.domain.Slugs;
import dev.dialtone.domain.agent.api.AgentConfiguration;
import dev.dialtone.domain.agent.api.AgentStatusView;
import dev.dialtone.domain.agent.api.BusinessHours;
import dev.dialtone.domain.agent.api.DetectionSettings;
import dev.dialtone.domain.agent.api.FailoverTarget;
import dev.dialtone.domain.agent.api.TimeRange;
import dev.dialtone.domain.agent.api.VoicePlatform;
import dev.dialtone.runbooks.RunbookCatalog;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The agent resource as JSON: parsing a PUT body field by field, and writing the GET representation. */
final class AgentJson {

    /** Secrets are write-only; GET shows this in their place, and a PUT that sends it back is refused. */
    static final String MASK = "********";
    static final int MAX_PHONE_NUMBERS = 50;
    static final int MAX_SECRET_LENGTH = 512;

    private static final Set<String> FIELDS = Set.of("name", "phoneNumbers", "sloTarget", "timezone",
            "businessHours", "escalationPolicyId", "afterHoursPolicyId", "failover", "callSuccessTarget",
            "leadValue", "detection", "webhookSecrets", "runbookUrls",
            // read-only fields of the GET representation, tolerated so a GET body can be edited and PUT back
            "agentId", "tenant", "version", "updatedAt", "status");
    private static final Set<String> DETECTION_FIELDS = Set.of("healthFailuresToOpen", "healthSuccessesToResolve",
            "badCallsToOpen", "goodCallsToResolve", "baselineBadRate", "degradedBadRate", "silence", "reopenWindow",
            "autoResolve");
    private static final Set<String> FAILOVER_FIELDS = Set.of("url", "backupNumber", "secret");
    private static final Pattern RANGE = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");
    private static final RunbookCatalog RUNBOOKS = new RunbookCatalog();

    private AgentJson() {
    }

    /** The configuration in a PUT body; every problem is collected in {@code fields}. */
    static AgentConfiguration parse(Fields fields) {
        fields.rejectUnknown(FIELDS);
        String name = fields.requiredText("name", 200);
        List<String> phoneNumbers = phoneNumbers(fields);
        Double slo = fields.numberBetweenExclusive("sloTarget", 0, 100, 99.9);
        ZoneId timezone = timezone(fields);
        BusinessHours hours = businessHours(fields);
        String policy = slug(fields, "escalationPolicyId");
        String afterHours = slug(fields, "afterHoursPolicyId");
        FailoverTarget failover = failover(fields);
        Double callTarget = fields.numberBetweenExclusive("callSuccessTarget", 0, 100, 95.0);
        Double leadValue = fields.number("leadValue", 0, 1e9, 0.0);
        DetectionSettings detection = detection(fields);
        Map<VoicePlatform, String> secrets = webhookSecrets(fields);
        Map<String, String> runbooks = runbookUrls(fields);
        if (!fields.valid()) {
            return null;
        }
        return new AgentConfiguration(name, phoneNumbers, slo, timezone, hours, policy, afterHours, failover,
                callTarget, leadValue, detection, secrets, runbooks);
    }

    static Map<String, Object> write(RegisteredAgent agent, AgentStatusView status) {
        AgentConfiguration c = agent.configuration();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("agentId", agent.agentId().value());
        json.put("tenant", agent.tenant().value());
        json.put("version", agent.version());
        json.put("updatedAt", agent.updatedAt());
        json.put("name", c.name());
        json.put("phoneNumbers", c.phoneNumbers());
        json.put("sloTarget", c.sloTarget());
        json.put("timezone", c.timezone().getId());
        json.put("businessHours", writeHours(c.businessHours()));
        json.put("escalationPolicyId", c.escalationPolicyId());
        json.put("afterHoursPolicyId", c.afterHoursPolicyId());
        if (c.failover() != null) {
            Map<String, Object> failover = new LinkedHashMap<>();
            failover.put("url", c.failover().url());
            failover.put("backupNumber", c.failover().backupNumber());
            failover.put("secret", c.failover().secret() == null ? null : MASK);
            json.put("failover", failover);
        }
        json.put("callSuccessTarget", c.callSuccessTarget());
        json.put("leadValue", c.leadValue());
        DetectionSettings d = c.detection();
        Map<String, Object> detection = new LinkedHashMap<>();
        detection.put("healthFailuresToOpen", d.healthFailuresToOpen());
        detection.put("healthSuccessesToResolve", d.healthSuccessesToResolve());
        detection.put("badCallsToOpen", d.badCallsToOpen());
        detection.put("goodCallsToResolve", d.goodCallsToResolve());
        detection.put("baselineBadRate", d.baselineBadRate());
        detection.put("degradedBadRate", d.degradedBadRate());
        detection.put("silence", d.silence().toString());
        detection.put("reopenWindow", d.reopenWindow().toString());
        detection.put("autoResolve", d.autoResolve());
        json.put("detection", detection);
        Map<String, String> secrets = new TreeMap<>();
        c.webhookSecrets().keySet().forEach(platform -> secrets.put(platform.key(), MASK));
        json.put("webhookSecrets", secrets);
        json.put("runbookUrls", new TreeMap<>(c.runbookUrls()));
        if (status != null) {
            json.put("status", status);
        }
        return json;
    }

    private static Map<String, List<String>> writeHours(BusinessHours hours) {
        if (hours.openAroundTheClock()) {
            return null;
        }
        Map<String, List<String>> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<TimeRange> ranges = hours.days().get(day);
            if (ranges != null) {
                days.put(day.name(), ranges.stream().map(TimeRange::format).toList());
            }
        }
        return days;
    }

    private static List<String> phoneNumbers(Fields fields) {
        List<JsonNode> numbers = fields.array("phoneNumbers", MAX_PHONE_NUMBERS);
        if (numbers == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            JsonNode number = numbers.get(i);
            String path = "phoneNumbers[" + i + "]";
            if (!number.isTextual() || !number.textValue().matches("\\+[1-9][0-9]{6,14}")) {
                fields.reject(path, "must be an E.164 phone number such as +14155550100");
            } else {
                result.add(number.textValue());
            }
        }
        return result;
    }

    private static ZoneId timezone(Fields fields) {
        String text = fields.optionalText("timezone", 64);
        if (text == null) {
            return fields.has("timezone") ? null : ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            fields.reject("timezone", "is not a known IANA time zone such as America/Los_Angeles (got '"
                    + text + "')");
            return null;
        }
    }

    private static BusinessHours businessHours(Fields fields) {
        Fields hours = fields.object("businessHours");
        if (hours == null) {
            return BusinessHours.ALWAYS;
        }
        Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
        for (String key : hours.fieldNames()) {
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(key.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                hours.reject(key, "is not a day of the week; use MONDAY ... SUNDAY");
                continue;
            }
            List<JsonNode> ranges = hours.array(key, 24);
            if (ranges == null) {
                continue;
            }
            List<TimeRange> parsed = new ArrayList<>();
            for (int i = 0; i < ranges.size(); i++) {
                TimeRange range = range(hours, key + "[" + i + "]", ranges.get(i));
                if (range == null) {
                    continue;
                }
                for (TimeRange earlier : parsed) {
                    if (earlier.overlaps(range)) {
                        hours.reject(key + "[" + i + "]", "overlaps " + earlier.format());
                    }
                }
                parsed.add(range);
            }
            days.put(day, parsed);
        }
        return new BusinessHours(days);
    }

    private static TimeRange range(Fields hours, String path, JsonNode value) {
        Matcher m = value.isTextual() ? RANGE.matcher(value.textValue()) : null;
        if (m == null || !m.matches()) {
            hours.reject(path, "must be a range like \"08:00-18:00\"");
            return null;
        }
        int fromHour = Integer.parseInt(m.group(1));
        int fromMinute = Integer.parseInt(m.group(2));
        int toHour = Integer.parseInt(m.group(3));
        int toMinute = Integer.parseInt(m.group(4));
        if (fromHour > 23 || fromMinute > 59 || toMinute > 59 || toHour > 24 || (toHour == 24 && toMinute != 0)) {
            hours.reject(path, "has a time that does not exist (use 00:00 to 24:00)");
            return null;
        }
        int from = fromHour * 60 + fromMinute;
        int to = toHour * 60 + toMinute;
        if (to <= from) {
            hours.reject(path, "must end after it starts; split a range across midnight into two days");
            return null;
        }
        return new TimeRange(from, to);
    }

    private static String slug(Fields fields, String name) {
        String text = fields.optionalText(name, 200);
        if (text != null && !Slugs.isSlug(text)) {
            fields.reject(name, "must be a policy id: lowercase letters, digits and '-'");
            return null;
        }
        return text;
    }

    private static FailoverTarget failover(Fields fields) {
        Fields failover = fields.object("failover");
        if (failover == null) {
            return null;
        }
        failover.rejectUnknown(FAILOVER_FIELDS);
        String url = failover.url("url", true);
        String backup = failover.phoneNumber("backupNumber", false);
        String secret = secret(failover, "secret");
        return url == null ? null : new FailoverTarget(url, backup, secret);
    }

    private static DetectionSettings detection(Fields fields) {
        Fields d = fields.object("detection");
        DetectionSettings defaults = DetectionSettings.DEFAULTS;
        if (d == null) {
            return defaults;
        }
        d.rejectUnknown(DETECTION_FIELDS);
        Long healthFailures = d.integer("healthFailuresToOpen", 1, 100, (long) defaults.healthFailuresToOpen());
        Long healthSuccesses = d.integer("healthSuccessesToResolve", 1, 100,
                (long) defaults.healthSuccessesToResolve());
        Long badCalls = d.integer("badCallsToOpen", 1, 1000, (long) defaults.badCallsToOpen());
        Long goodCalls = d.integer("goodCallsToResolve", 1, 1000, (long) defaults.goodCallsToResolve());
        Double p0 = d.numberBetweenExclusive("baselineBadRate", 0, 1, defaults.baselineBadRate());
        Double p1 = d.numberBetweenExclusive("degradedBadRate", 0, 1, defaults.degradedBadRate());
        if (p0 != null && p1 != null && p1 <= p0) {
            d.reject("degradedBadRate", "must be greater than baselineBadRate (" + p0 + ")");
        }
        Duration silence = d.positiveDuration("silence", defaults.silence());
        Duration reopen = d.positiveDuration("reopenWindow", defaults.reopenWindow());
        Boolean autoResolve = d.bool("autoResolve", defaults.autoResolve());
        if (!d.valid()) {
            return null;
        }
        return new DetectionSettings(healthFailures.intValue(), healthSuccesses.intValue(), badCalls.intValue(),
                goodCalls.intValue(), p0, p1, silence, reopen, autoResolve);
    }

    private static Map<VoicePlatform, String> webhookSecrets(Fields fields) {
        Fields secrets = fields.object("webhookSecrets");
        if (secrets == null) {
            return Map.of();
        }
        Map<VoicePlatform, String> result = new EnumMap<>(VoicePlatform.class);
        for (String key : secrets.fieldNames()) {
            VoicePlatform platform = VoicePlatform.fromKey(key).orElse(null);
            if (platform == null) {
                secrets.reject(key, "is not a supported platform; use twilio, vapi, retell or elevenlabs");
                continue;
            }
            String secret = secret(secrets, key);
            if (secret != null) {
                result.put(platform, secret);
            }
        }
        return result;
    }

    /** {@code {"outage": "https://wiki.example/phones-down"}}: the business's own page for some runbooks. */
    private static Map<String, String> runbookUrls(Fields fields) {
        Fields urls = fields.object("runbookUrls");
        if (urls == null) {
            return Map.of();
        }
        Map<String, String> result = new TreeMap<>();
        for (String id : urls.fieldNames()) {
            if (!RUNBOOKS.exists(id)) {
                urls.reject(id, "is not a runbook; use one of " + String.join(", ", RUNBOOKS.ids()));
                continue;
            }
            String url = urls.url(id, true);
            if (url != null) {
                result.put(id, url);
            }
        }
        return result;
    }

    private static String secret(Fields fields, String name) {
        String secret = fields.optionalText(name, MAX_SECRET_LENGTH);
        if (MASK.equals(secret)) {
            fields.reject(name, "send the secret itself: GET shows " + MASK + " in its place");
            return null;
        }
        return secret;
    }
}
