package dev.dialtone.integrations.slack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Names incident channels so that a person finds them by date and agent, and so that the name is the same after a
 * crash (Slack then answers {@code name_taken} and we reuse the channel). Slack's rule for
 * {@code conversations.create}: lowercase letters, digits, hyphens and underscores, at most 80 characters.
 */
public final class ChannelNames {

    private static final int MAX_LENGTH = 80;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int HASH_LENGTH = 6;

    private ChannelNames() {
    }

    /**
     * {@code inc-<yyyymmdd>-<agent>-<n>}, e.g. {@code inc-20261125-frontdesk-3}. Accents are dropped, other
     * characters Slack refuses become hyphens; an agent id that had to be shortened, or that had nothing Slack
     * accepts, gets a short hash of the original so two such agents never share a channel. The number is never cut.
     */
    public static String forIncident(LocalDate date, String agentId, int number) {
        if (number < 0) {
            throw new IllegalArgumentException("an incident number is not negative, got " + number);
        }
        String prefix = "inc-" + DAY.format(date) + "-";
        String suffix = "-" + number;
        int room = MAX_LENGTH - prefix.length() - suffix.length();
        String agent = slug(agentId == null ? "" : agentId);
        if (agent.isEmpty()) {
            agent = "agent-" + hash(agentId);
        } else if (agent.length() > room) {
            String kept = trimHyphens(agent.substring(0, room - HASH_LENGTH - 1));
            agent = kept + "-" + hash(agentId);
        }
        return prefix + agent + suffix;
    }

    private static String slug(String raw) {
        String decomposed = Normalizer.normalize(raw, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        return trimHyphens(decomposed.replaceAll("[^a-z0-9_]+", "-").replaceAll("-{2,}", "-"));
    }

    private static String trimHyphens(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == '-') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == '-') {
            end--;
        }
        return value.substring(start, end);
    }

    private static String hash(String agentId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(agentId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
