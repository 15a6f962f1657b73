package dev.dialtone.integrations.slack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes the {@code application/x-www-form-urlencoded} bodies Slack posts for slash commands and interactivity. */
final class FormBodies {

    private FormBodies() {
    }

    /** Field names to values, UTF-8; the first of repeated names wins, as no Slack field repeats. */
    static Map<String, String> parse(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            fields.putIfAbsent(name, value);
        }
        return fields;
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw new MalformedSlackRequestException("the form body has a malformed %-escape: " + encoded, badEscape);
        }
    }

    static String required(Map<String, String> fields, String name, String what) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            throw new MalformedSlackRequestException(what + " carries " + name);
        }
        return value;
    }

    static String optional(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
