package dev.dialtone.integrations.voice;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Checks {@code x-retell-signature}, so only Retell (holder of the account's API key) can post an agent's calls.
 *
 * <p>Format from Retell's SDKs ({@code retell-typescript-sdk} {@code webhook_auth.ts} and its tests): the header is
 * {@code v=<timestamp ms>,d=<hex HMAC-SHA256(key = API key, message = raw body + timestamp)>}, and a timestamp more
 * than five minutes from now is refused, so a captured request cannot be replayed.
 */
public final class RetellSignature {

    public static final String HEADER = "x-retell-signature";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private RetellSignature() {
    }

    /** Never throws: a missing, malformed, stale or forged header is simply false. */
    public static boolean verify(String apiKey, byte[] rawBody, String headerValue, Instant now) {
        if (apiKey == null || apiKey.isEmpty() || rawBody == null || headerValue == null || now == null) {
            return false;
        }
        String timestamp = null;
        String digest = null;
        for (String part : headerValue.split(",")) {
            String field = part.trim();
            if (field.startsWith("v=")) {
                timestamp = field.substring(2);
            } else if (field.startsWith("d=")) {
                digest = field.substring(2);
            }
        }
        if (timestamp == null || digest == null || !timestamp.matches("\\d{1,19}")) {
            return false;
        }
        long sentAtMillis;
        try {
            sentAtMillis = Long.parseLong(timestamp);
        } catch (NumberFormatException tooLarge) {
            return false;
        }
        if (Math.abs(now.toEpochMilli() - sentAtMillis) > TOLERANCE.toMillis()) {
            return false;
        }
        byte[] expected = Hmac.sign(Hmac.SHA256, Hmac.utf8(apiKey), rawBody, Hmac.utf8(timestamp));
        return Hmac.matchesHex(expected, digest);
    }

    /** The header Retell would send for this body at this time; for tests and fakes that post like Retell. */
    public static String sign(String apiKey, byte[] rawBody, Instant at) {
        String timestamp = Long.toString(at.toEpochMilli());
        byte[] mac = Hmac.sign(Hmac.SHA256, Hmac.utf8(apiKey), rawBody, Hmac.utf8(timestamp));
        return "v=" + timestamp + ",d=" + HexFormat.of().formatHex(mac);
    }
}
