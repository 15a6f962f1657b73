package dev.dialtone.integrations.slack;

/**
 * Text for Slack: escaping for mrkdwn (Slack reads {@code &}, {@code <} and {@code >} as control characters, per
 * its "Formatting text for app surfaces" guide) and truncation to Block Kit's length limits that never splits a
 * surrogate pair or an escape.
 */
final class Mrkdwn {

    static final char ELLIPSIS = '…';

    private Mrkdwn() {
    }

    static String escape(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> out.append(escaped(cp)));
        return out.toString();
    }

    /** The text escaped for mrkdwn, cut with an ellipsis when the escaped form would exceed {@code limit}. */
    static String escapeAndFit(String raw, int limit) {
        String escaped = escape(raw);
        if (escaped.length() <= limit) {
            return escaped;
        }
        StringBuilder out = new StringBuilder(limit);
        int budget = limit - 1;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            String piece = escaped(cp);
            if (out.length() + piece.length() > budget) {
                break;
            }
            out.append(piece);
            i += Character.charCount(cp);
        }
        return out.append(ELLIPSIS).toString();
    }

    /** Plain text cut with an ellipsis to at most {@code limit} UTF-16 units, never inside a surrogate pair. */
    static String fit(String raw, int limit) {
        if (raw == null) {
            return "";
        }
        if (raw.length() <= limit) {
            return raw;
        }
        int end = limit - 1;
        if (Character.isHighSurrogate(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(0, end) + ELLIPSIS;
    }

    private static String escaped(int codePoint) {
        return switch (codePoint) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            default -> Character.toString(codePoint);
        };
    }
}
