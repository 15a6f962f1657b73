package dev.dialtone.integrations.pagerduty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks {@code X-PagerDuty-Signature}, so only PagerDuty (holder of the subscription's signing secret) can tell
 * Dialtone that an incident was acknowledged or resolved.
 *
 * <p>Scheme from PagerDuty's "Verifying Signatures" (webhooks v3): the header holds one or more comma-separated
 * {@code v1=<hex HMAC-SHA256 of the raw body, keyed with the secret>}, several during a secret rotation; a delivery
 * is authentic when any of them matches. Several secrets can be given for the same reason on our side.
 */
public final class PagerDutyWebhookSignature {

    public static final String HEADER = "X-PagerDuty-Signature";
    private static final String VERSION_PREFIX = "v1=";

    private PagerDutyWebhookSignature() {
    }

    /** Never throws: a missing, malformed or forged header, or no usable secret, is simply false. */
    public static boolean verify(byte[] rawBody, String signatureHeader, Collection<String> secrets) {
        if (rawBody == null || signatureHeader == null || signatureHeader.isBlank() || secrets == null) {
            return false;
        }
        List<byte[]> received = signatures(signatureHeader);
        if (received.isEmpty()) {
            return false;
        }
        for (String secret : secrets) {
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            byte[] expected = hmacSha256(secret, rawBody);
            for (byte[] signature : received) {
                if (MessageDigest.isEqual(expected, signature)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The header value PagerDuty would send for this body; for tests and fakes that post like PagerDuty. */
    public static String sign(byte[] body, String secret) {
        return VERSION_PREFIX + HexFormat.of().formatHex(hmacSha256(secret, body));
    }

    private static List<byte[]> signatures(String header) {
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String candidate = part.trim();
            if (!candidate.startsWith(VERSION_PREFIX)) {
                continue;
            }
            try {
                signatures.add(HexFormat.of().parseHex(candidate.substring(VERSION_PREFIX.length())));
            } catch (IllegalArgumentException notHex) {
                // one garbled value must not hide a valid one next to it
            }
        }
        return signatures;
    }

    private static byte[] hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
