package dev.dialtone.api.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.api.web.Fields;
import dev.dialtone.domain.agent.api.ProbeDefinition;
import dev.dialtone.domain.agent.api.ProbeKind;
import dev.dialtone.integrations.probe.HttpCheck;
import dev.dialtone.integrations.probe.SipOptionsProber;
import dev.dialtone.integrations.probe.StatuspageCheck;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A probe as JSON: {@code {"kind": "http", "interval": "PT30S", "timeout": "PT5S", "http": {...}}}, with the
 * settings in an object named after the kind ({@code http}, {@code sip}, {@code statuspage}). Every mistake is
 * reported with its field.
 */
final class ProbeJson {

    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration MAX_INTERVAL = Duration.ofDays(1);
    static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);
    static final int MAX_HEADERS = 20;
    static final int MAX_COMPONENTS = 20;
    private static final Set<String> FIELDS = Set.of("probeId", "kind", "interval", "timeout", "http", "sip",
            "statuspage");

    private ProbeJson() {
    }

    /** The probe in {@code json}, or an {@code InvalidRequestException} naming every wrong field. */
    static ProbeDefinition read(String probeId, JsonNode json) {
        Fields fields = Fields.of(json);
        fields.rejectUnknown(FIELDS);
        String kindKey = fields.requiredText("kind", 32);
        ProbeKind kind = kindKey == null ? null : ProbeKind.fromKey(kindKey).orElse(null);
        if (kindKey != null && kind == null) {
            fields.reject("kind", "must be http, sip-options or statuspage (got '" + kindKey + "')");
        }
        Duration interval = fields.positiveDuration("interval", DEFAULT_INTERVAL);
        if (interval != null && (interval.compareTo(ProbeDefinition.MIN_INTERVAL) < 0
                || interval.compareTo(MAX_INTERVAL) > 0)) {
            fields.reject("interval", "must be between PT10S and P1D (got " + interval + ")");
            interval = null;
        }
        Duration timeout = fields.positiveDuration("timeout", interval == null ? DEFAULT_TIMEOUT
                : min(DEFAULT_TIMEOUT, interval));
        if (timeout != null && (timeout.compareTo(Duration.ofSeconds(1)) < 0
                || timeout.compareTo(MAX_TIMEOUT) > 0)) {
            fields.reject("timeout", "must be between PT1S and PT60S (got " + timeout + ")");
            timeout = null;
        } else if (timeout != null && interval != null && timeout.compareTo(interval) > 0) {
            fields.reject("timeout", "must not be longer than the interval, or runs would be skipped");
            timeout = null;
        }
        ProbeDefinition.Http http = null;
        ProbeDefinition.Sip sip = null;
        ProbeDefinition.Statuspage statuspage = null;
        if (kind != null) {
            for (ProbeKind other : ProbeKind.values()) {
                if (other != kind && fields.has(settingsName(other))) {
                    fields.reject(settingsName(other), "belongs to kind " + other.key() + ", not " + kind.key());
                }
            }
            Fields settings = fields.object(settingsName(kind));
            if (settings == null && !fields.has(settingsName(kind))) {
                fields.reject(settingsName(kind), "is required for kind " + kind.key());
            }
            if (settings != null) {
                switch (kind) {
                    case HTTP -> http = http(settings, timeout);
                    case SIP_OPTIONS -> sip = sip(settings);
                    case STATUSPAGE -> statuspage = statuspage(settings, timeout);
                }
            }
        }
        fields.throwIfInvalid();
        return new ProbeDefinition(probeId, kind, interval, timeout, http, sip, statuspage);
    }

    static String settingsName(ProbeKind kind) {
        return switch (kind) {
            case HTTP -> "http";
            case SIP_OPTIONS -> "sip";
            case STATUSPAGE -> "statuspage";
        };
    }

    private static ProbeDefinition.Http http(Fields f, Duration timeout) {
        f.rejectUnknown(Set.of("url", "method", "body", "headers", "expectedStatus", "bodyContains",
                "degradedAfter"));
        String url = f.url("url", true);
        String method = f.optionalText("method", 8);
        method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("POST")) {
            f.reject("method", "must be GET or POST");
        }
        String body = f.optionalText("body", Fields.MAX_TEXT_LENGTH);
        if (body != null && !method.equals("POST")) {
            f.reject("body", "is only sent with POST");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Fields headerFields = f.object("headers");
        if (headerFields != null) {
            List<String> names = headerFields.fieldNames();
            if (names.size() > MAX_HEADERS) {
                f.reject("headers", "must have at most " + MAX_HEADERS + " entries");
            }
            for (String name : names) {
                String value = headerFields.requiredText(name, 1000);
                if (value != null) {
                    headers.put(name, value);
                }
            }
        }
        Long status = f.integer("expectedStatus", 100, 599, 200L);
        String contains = f.optionalText("bodyContains", 500);
        Duration degradedAfter = f.positiveDuration("degradedAfter", null);
        if (!f.valid() || timeout == null) {
            return null;
        }
        ProbeDefinition.Http http = new ProbeDefinition.Http(url, method, body, headers, status.intValue(), contains,
                degradedAfter);
        try {
            check(http, timeout);
        } catch (IllegalArgumentException e) {
            f.reject(fieldOf(e.getMessage(), Set.of("url", "method", "expectedStatus", "degradedAfter", "headers"),
                    "url"), e.getMessage());
        }
        return http;
    }

    private static ProbeDefinition.Sip sip(Fields f) {
        f.rejectUnknown(Set.of("uri", "transport"));
        String uri = f.requiredText("uri", 500);
        String transport = f.optionalText("transport", 8);
        transport = transport == null ? "udp" : transport.toLowerCase(Locale.ROOT);
        if (!transport.equals("udp") && !transport.equals("tcp")) {
            f.reject("transport", "must be udp or tcp");
        }
        if (uri != null) {
            try {
                SipOptionsProber.validateUri(uri);
            } catch (IllegalArgumentException e) {
                f.reject("uri", e.getMessage());
            }
        }
        return new ProbeDefinition.Sip(uri, transport);
    }

    private static ProbeDefinition.Statuspage statuspage(Fields f, Duration timeout) {
        f.rejectUnknown(Set.of("pageUrl", "components", "vendor"));
        String pageUrl = f.url("pageUrl", true);
        String vendor = f.requiredText("vendor", 64);
        List<String> components = new ArrayList<>();
        List<JsonNode> items = f.array("components", MAX_COMPONENTS);
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                if (!item.isTextual() || item.textValue().isBlank() || item.textValue().length() > 200) {
                    f.reject("components[" + i + "]", "must be a component name (1-200 characters)");
                } else {
                    components.add(item.textValue());
                }
            }
        }
        ProbeDefinition.Statuspage statuspage = new ProbeDefinition.Statuspage(pageUrl, components, vendor);
        if (f.valid() && timeout != null) {
            try {
                check(statuspage, timeout);
            } catch (IllegalArgumentException e) {
                f.reject(fieldOf(e.getMessage(), Set.of("pageUrl", "components", "vendor"), "pageUrl"),
                        e.getMessage());
            }
        }
        return statuspage;
    }

    static HttpCheck check(ProbeDefinition.Http http, Duration timeout) {
        return new HttpCheck(URI.create(http.url()), http.method(), http.body(), http.headers(),
                http.expectedStatus(), http.bodyContains(), timeout, http.degradedAfter());
    }

    static StatuspageCheck check(ProbeDefinition.Statuspage page, Duration timeout) {
        return new StatuspageCheck(URI.create(page.pageUrl()), page.components(), page.vendor(), timeout);
    }

    static Map<String, Object> write(ProbeDefinition probe) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("probeId", probe.probeId());
        json.put("kind", probe.kind().key());
        json.put("interval", probe.interval().toString());
        json.put("timeout", probe.timeout().toString());
        Map<String, Object> settings = new LinkedHashMap<>();
        switch (probe.kind()) {
            case HTTP -> {
                settings.put("url", probe.http().url());
                settings.put("method", probe.http().method());
                settings.put("body", probe.http().body());
                settings.put("headers", probe.http().headers());
                settings.put("expectedStatus", probe.http().expectedStatus());
                settings.put("bodyContains", probe.http().bodyContains());
                settings.put("degradedAfter", probe.http().degradedAfter() == null ? null
                        : probe.http().degradedAfter().toString());
            }
            case SIP_OPTIONS -> {
                settings.put("uri", probe.sip().uri());
                settings.put("transport", probe.sip().transport());
            }
            case STATUSPAGE -> {
                settings.put("pageUrl", probe.statuspage().pageUrl());
                settings.put("components", probe.statuspage().components());
                settings.put("vendor", probe.statuspage().vendor());
            }
        }
        json.put(settingsName(probe.kind()), settings);
        return json;
    }

    /** The field an integration check's message names, so the error points at it. */
    private static String fieldOf(String message, Set<String> fields, String fallback) {
        return fields.stream().filter(field -> message != null && message.startsWith(field)).findFirst()
                .orElse(fallback);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
