package dev.dialtone.integrations.voice;

import java.util.Map;

/** Case-insensitive header lookup over a plain map, because HTTP header names are case-insensitive (RFC 9110). */
final class Headers {

    private Headers() {
    }

    static String get(Map<String, String> headers, String name) {
        if (headers == null || name == null) {
            return null;
        }
        String exact = headers.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
