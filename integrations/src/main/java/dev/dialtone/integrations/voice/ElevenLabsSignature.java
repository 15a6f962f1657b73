package dev.dialtone.integrations.voice;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Checks {@code ElevenLabs-Signature}, so only ElevenLabs (holder of the webhook's shared secret) can post an
 * agent's calls.
 *
 * <p>Format from ElevenLabs' docs ("Post-call webhooks", Authentication): {@code t=<unix seconds>,v0=<hash>} where
 * the hash is the hex HMAC-SHA256 of {@code <t>.<raw body>} with the shared secret. The tolerance is 30 minutes, as
 * in the docs' example handler and the official SDKs' {@code construct_event}; a timestamp that far in the future
 * is refused too. Several {@code v0} values are accepted (any one matching suffices), as during a secret rotation.
 */
public final class ElevenLabsSignature {

    public static final String HEADER = "ElevenLabs-Signature";
    public static final Duration TOLERANCE = Duration.ofMinutes(30);

    private ElevenLabsSignature() {
    }

    /** Never throws: a missing, malformed, stale or forged header is simply false. */
    public static boolean verify(String secret, byte[] rawBody, String header, Instant now) {
        if (secret == null || secret.isEmpty() || rawBody == null || header == null || now == null) {
            return false;
        }
        String timestamp = null;
        for (String part : header.split(",")) {
            String field = part.trim();
            if (field.startsWith("t=")) {
                timestamp = field.substring(2);
            }
        }
        if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        long sentAt = Long.parseLong(timestamp);
        if (Math.abs(now.getEpochSecond() - sentAt) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = Hmac.sign(Hmac.SHA256, Hmac.utf8(secret), Hmac.utf8(timestamp + "."), rawBody);
        boolean valid = false;
        for (String part : header.split(",")) {
            String field = part.trim();
            if (field.startsWith("v0=")) {
                valid |= Hmac.matchesHex(expected, field.substring(3));
            }
        }
        return valid;
    }

    /** The header ElevenLabs would send for this body at this time; for tests and fakes that post like ElevenLabs. */
    public static String sign(String secret, byte[] rawBody, Instant at) {
        String timestamp = Long.toString(at.getEpochSecond());
        byte[] mac = Hmac.sign(Hmac.SHA256, Hmac.utf8(secret), Hmac.utf8(timestamp + "."), rawBody);
        return "t=" + timestamp + ",v0=" + HexFormat.of().formatHex(mac);
    }
}
