package dev.dialtone.api.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.api.registry.RegisteredPolicy;
import dev.dialtone.api.web.Fields;
import dev.dialtone.domain.escalation.api.EscalationLevel;
import dev.dialtone.domain.escalation.api.NotificationTarget;
import dev.dialtone.domain.escalation.api.PolicyDefinition;
import dev.dialtone.domain.escalation.api.TargetType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The escalation-policy resource as JSON: parsing a PUT body field by field, and writing it back. */
final class PolicyJson {

    static final String MASK = "********";
    static final int MAX_TARGETS_PER_LEVEL = 20;

    private static final Set<String> FIELDS = Set.of("name", "repeat", "levels",
            "policyId", "tenant", "version", "updatedAt");
    private static final Set<String> LEVEL_FIELDS = Set.of("ackTimeout", "targets");
    private static final Map<TargetType, Set<String>> TARGET_FIELDS = Map.of(
            TargetType.PAGERDUTY, Set.of("type", "routingKey"),
            TargetType.SLACK, Set.of("type", "channel", "user"),
            TargetType.WEBHOOK, Set.of("type", "url", "secret"));

    private PolicyJson() {
    }

    static PolicyDefinition parse(Fields fields) {
        fields.rejectUnknown(FIELDS);
        String name = fields.requiredText("name", 200);
        Long repeat = fields.integer("repeat", 0, PolicyDefinition.MAX_REPEAT, 0L);
        List<EscalationLevel> levels = new ArrayList<>();
        List<JsonNode> levelNodes = fields.array("levels", PolicyDefinition.MAX_LEVELS);
        if (levelNodes == null) {
            if (!fields.has("levels")) {
                fields.reject("levels", "is required: a list of 1 to " + PolicyDefinition.MAX_LEVELS + " levels");
            }
        } else if (levelNodes.isEmpty()) {
            fields.reject("levels", "needs at least one level");
        } else {
            for (int i = 0; i < levelNodes.size(); i++) {
                EscalationLevel level = level(fields.element("levels", i, levelNodes.get(i)));
                if (level != null) {
                    levels.add(level);
                }
            }
        }
        if (!fields.valid()) {
            return null;
        }
        return new PolicyDefinition(name, repeat.intValue(), levels);
    }

    private static EscalationLevel level(Fields level) {
        if (!level.isObject()) {
            return null;
        }
        int before = level.errors().size();
        level.rejectUnknown(LEVEL_FIELDS);
        Duration ackTimeout = level.positiveDuration("ackTimeout", null);
        if (!level.has("ackTimeout")) {
            level.reject("ackTimeout", "is required, e.g. PT5M");
        }
        List<JsonNode> targetNodes = level.array("targets", MAX_TARGETS_PER_LEVEL);
        List<NotificationTarget> targets = new ArrayList<>();
        if (targetNodes == null || targetNodes.isEmpty()) {
            if (targetNodes != null || !level.has("targets")) {
                level.reject("targets", "needs at least one target");
            }
        } else {
            for (int i = 0; i < targetNodes.size(); i++) {
                targets.add(target(level.element("targets", i, targetNodes.get(i))));
            }
        }
        return level.errors().size() == before ? new EscalationLevel(ackTimeout, targets) : null;
    }

    private static NotificationTarget target(Fields target) {
        if (!target.isObject()) {
            return null;
        }
        String typeName = target.requiredText("type", 32);
        if (typeName == null) {
            return null;
        }
        TargetType type = TargetType.fromKey(typeName.toLowerCase(java.util.Locale.ROOT)).orElse(null);
        if (type == null) {
            target.reject("type", "must be one of pagerduty, slack, webhook (got '" + typeName + "')");
            return null;
        }
        for (String name : target.fieldNames()) {
            if (!TARGET_FIELDS.get(type).contains(name)) {
                target.reject(name, "does not apply to a " + type.key() + " target");
            }
        }
        int before = target.errors().size();
        NotificationTarget result = switch (type) {
            case PAGERDUTY -> {
                String key = target.requiredText("routingKey", 128);
                yield key == null ? null : NotificationTarget.pagerDuty(key);
            }
            case SLACK -> {
                String channel = target.optionalText("channel", 128);
                String user = target.optionalText("user", 128);
                if (channel == null && user == null) {
                    target.reject("channel", "a slack target needs a channel (e.g. C0INCIDENTS) or a user");
                    yield null;
                }
                yield new NotificationTarget(TargetType.SLACK, null, channel, user, null, null);
            }
            case WEBHOOK -> {
                String url = target.url("url", true);
                String secret = target.optionalText("secret", 512);
                if (MASK.equals(secret)) {
                    target.reject("secret", "send the secret itself: GET shows " + MASK + " in its place");
                }
                yield url == null ? null : NotificationTarget.webhook(url, secret);
            }
        };
        return target.errors().size() == before ? result : null;
    }

    static Map<String, Object> write(RegisteredPolicy policy) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("policyId", policy.policyId().policyId());
        json.put("tenant", policy.policyId().tenant().value());
        json.put("version", policy.version());
        json.put("updatedAt", policy.updatedAt());
        json.put("name", policy.definition().name());
        json.put("repeat", policy.definition().repeat());
        List<Map<String, Object>> levels = new ArrayList<>();
        for (EscalationLevel level : policy.definition().levels()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("ackTimeout", level.ackTimeout().toString());
            List<Map<String, Object>> targets = new ArrayList<>();
            for (NotificationTarget t : level.targets()) {
                Map<String, Object> target = new LinkedHashMap<>();
                target.put("type", t.type().key());
                switch (t.type()) {
                    case PAGERDUTY -> target.put("routingKey", t.routingKey());
                    case SLACK -> {
                        if (t.channel() != null) {
                            target.put("channel", t.channel());
                        }
                        if (t.user() != null) {
                            target.put("user", t.user());
                        }
                    }
                    case WEBHOOK -> {
                        target.put("url", t.url());
                        if (t.secret() != null) {
                            target.put("secret", MASK);
                        }
                    }
                }
                targets.add(target);
            }
            l.put("targets", targets);
            levels.add(l);
        }
        json.put("levels", levels);
        return json;
    }
}
