package dev.dialtone.integrations.voice;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Decides whether a request to the Vapi webhook really comes from the agent's Vapi account, by the credential kinds
 * Vapi documents ("Server authentication"): a shared secret in {@code X-Vapi-Secret} (the legacy inline
 * {@code secret}), a bearer token in {@code Authorization}, or an HMAC signature as configured by a
 * {@link VapiHmacPlan}. All comparisons take constant time.
 *
 * <p>When the signed payload includes {@code {timestamp}}, the timestamp header is required and must lie within
 * {@link #TOLERANCE} of now, so a captured request cannot be replayed later. Vapi does not document the
 * timestamp's unit: epoch seconds, epoch milliseconds and ISO-8601 are accepted (the signature covers the header's
 * text as sent, whatever its unit).
 */
public final class VapiAuthentication {

    public static final String SECRET_HEADER = "X-Vapi-Secret";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private VapiAuthentication() {
    }

    /**
     * The check for an agent configured with one Vapi secret: accepted as {@code X-Vapi-Secret}, as
     * {@code Authorization: Bearer}, or as the key of an HMAC credential left at Vapi's defaults.
     *
     * @param headers request headers, one value per name, any case
     * @param url     the public URL Vapi called (only used by HMAC payload formats with {@code {url}})
     */
    public static boolean verify(String secret, String method, String url, Map<String, String> headers,
                                 byte[] rawBody, Instant now) {
        if (secret == null || secret.isEmpty()) {
            return false;
        }
        if (verifySecret(secret, headers)) {
            return true;
        }
        return Headers.get(headers, VapiHmacPlan.DEFAULT_SIGNATURE_HEADER) != null
                && verifyHmac(VapiHmacPlan.sha256(secret), method, url, headers, rawBody, now);
    }

    /** True when {@code X-Vapi-Secret} is the secret, or {@code Authorization} is {@code Bearer <secret>}. */
    public static boolean verifySecret(String secret, Map<String, String> headers) {
        if (secret == null || secret.isEmpty()) {
            return false;
        }
        String vapiSecret = Headers.get(headers, SECRET_HEADER);
        String bearer = bearerToken(Headers.get(headers, "Authorization"));
        // Both are compared, so timing does not reveal which header carried a near-miss.
        boolean viaSecretHeader = Hmac.secretEquals(secret, vapiSecret);
        boolean viaBearer = Hmac.secretEquals(secret, bearer);
        return viaSecretHeader | viaBearer;
    }

    /** True when the request carries a valid, fresh signature under the given HMAC credential. */
    public static boolean verifyHmac(VapiHmacPlan plan, String method, String url, Map<String, String> headers,
                                     byte[] rawBody, Instant now) {
        String signature = Headers.get(headers, plan.effectiveSignatureHeader());
        if (signature == null || rawBody == null || now == null) {
            return false;
        }
        String format = plan.effectivePayloadFormat();
        String timestamp = Headers.get(headers, plan.effectiveTimestampHeader());
        if (format.contains("{timestamp}") && !fresh(timestamp, now)) {
            return false;
        }
        String messageId = Headers.get(headers, plan.effectiveMessageIdHeader());
        byte[] payload = payload(format, rawBody, timestamp, method, url, messageId);
        byte[] expected = Hmac.sign(plan.macAlgorithm(), plan.key(), payload);
        String received = signature.trim();
        String prefix = plan.signaturePrefix();
        if (prefix != null && !prefix.isEmpty() && received.startsWith(prefix)) {
            received = received.substring(prefix.length());
        }
        return plan.base64Signature() ? Hmac.matchesBase64(expected, received) : Hmac.matchesHex(expected, received);
    }

    // The body goes in as the raw bytes received; re-encoding it could change what was signed.
    private static byte[] payload(String format, byte[] rawBody, String timestamp, String method, String url,
                                  String messageId) {
        String text = format
                .replace("{timestamp}", timestamp == null ? "" : timestamp.trim())
                .replace("{method}", method == null ? "" : method)
                .replace("{url}", url == null ? "" : url)
                .replace("{svix-id}", messageId == null ? "" : messageId.trim());
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + rawBody.length);
        int from = 0;
        for (int at = text.indexOf("{body}"); at >= 0; at = text.indexOf("{body}", from)) {
            out.writeBytes(Hmac.utf8(text.substring(from, at)));
            out.writeBytes(rawBody);
            from = at + "{body}".length();
        }
        out.writeBytes(Hmac.utf8(text.substring(from)));
        return out.toByteArray();
    }

    static boolean fresh(String timestamp, Instant now) {
        Instant sentAt = parseTimestamp(timestamp);
        return sentAt != null && Duration.between(sentAt, now).abs().compareTo(TOLERANCE) <= 0;
    }

    private static Instant parseTimestamp(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return null;
        }
        String value = timestamp.trim();
        try {
            return Json.epochSecondsOrMillis(Double.valueOf(value));
        } catch (NumberFormatException notEpoch) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notIso) {
                return null;
            }
        }
    }

    private static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : null;
    }
}
