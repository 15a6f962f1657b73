package dev.dialtone.integrations.slack;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Checks that a request really comes from Slack (Slack's "Verifying requests from Slack", signature version
 * {@code v0}): HMAC-SHA256 with the app's signing secret over {@code v0:<timestamp>:<raw body>}, sent hex-encoded as
 * {@code X-Slack-Signature: v0=<hex>}, with a timestamp at most five minutes from our clock either way so that a
 * captured request cannot be replayed later.
 *
 * <p>Not {@code SlackSignature.Verifier} from the SDK: it accepts any timestamp in the future, compares with
 * {@code String.equals} (not constant-time) and encodes with the platform charset; this class computes the same
 * value with UTF-8 fixed, and the tests check it against the SDK's {@code SlackSignature.Generator}.
 */
public final class SlackRequestVerifier {

    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Slack-Signature";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String VERSION = "v0";

    private final String signingSecret;
    private final Clock clock;

    public SlackRequestVerifier(String signingSecret, Clock clock) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException(
                    "dialtone.slack.signing-secret must be set to accept requests from Slack");
        }
        this.signingSecret = signingSecret;
        this.clock = java.util.Objects.requireNonNull(clock, "a clock is needed to check request timestamps");
    }

    /**
     * @param timestampHeader the {@code X-Slack-Request-Timestamp} header, epoch seconds
     * @param signatureHeader the {@code X-Slack-Signature} header, {@code v0=<hex>}
     * @param rawBody         the body exactly as received, before any form or JSON decoding
     */
    public boolean verify(String timestampHeader, String signatureHeader, String rawBody) {
        if (isBlank(timestampHeader) || isBlank(signatureHeader) || rawBody == null) {
            return false;
        }
        String timestamp = timestampHeader.strip();
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException notANumber) {
            return false;
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = sign(signingSecret, timestamp, rawBody).getBytes(StandardCharsets.US_ASCII);
        byte[] received = signatureHeader.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, received);
    }

    /** The {@code X-Slack-Signature} value Slack would send for this body: {@code v0=} and the hex HMAC. */
    public static String sign(String signingSecret, String timestamp, String rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((VERSION + ":" + timestamp + ":" + rawBody).getBytes(StandardCharsets.UTF_8));
            return VERSION + "=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
