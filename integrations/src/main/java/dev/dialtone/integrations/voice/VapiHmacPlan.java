package dev.dialtone.integrations.voice;

import java.util.Base64;
import java.util.Locale;

/**
 * One Vapi HMAC credential, field for field as Vapi's OpenAPI {@code HMACAuthenticationPlan} describes it, so an
 * operator copies what they configured in Vapi into Dialtone unchanged. Null fields take Vapi's documented
 * defaults.
 *
 * @param secretKey         the HMAC secret (required)
 * @param algorithm         {@code sha256}, {@code sha512} or {@code sha1} (required)
 * @param signatureHeader   default {@code x-signature}
 * @param timestampHeader   default {@code x-timestamp}
 * @param signaturePrefix   e.g. {@code sha256=} for GitHub-style signatures; stripped before comparing
 * @param includeTimestamp  whether the default payload includes the timestamp; default true
 * @param payloadFormat     placeholders {@code {body}}, {@code {timestamp}}, {@code {method}}, {@code {url}},
 *                          {@code {svix-id}}; default {@code {timestamp}.{body}} (or {@code {body}} without the
 *                          timestamp)
 * @param messageIdHeader   header holding the message id that {@code {svix-id}} stands for; default {@code svix-id}
 * @param signatureEncoding {@code hex} (default) or {@code base64}
 * @param secretIsBase64    whether {@code secretKey} is base64 to decode before use; default false
 */
public record VapiHmacPlan(String secretKey,
                           String algorithm,
                           String signatureHeader,
                           String timestampHeader,
                           String signaturePrefix,
                           Boolean includeTimestamp,
                           String payloadFormat,
                           String messageIdHeader,
                           String signatureEncoding,
                           Boolean secretIsBase64) {

    public static final String DEFAULT_SIGNATURE_HEADER = "x-signature";
    public static final String DEFAULT_TIMESTAMP_HEADER = "x-timestamp";
    public static final String DEFAULT_MESSAGE_ID_HEADER = "svix-id";

    public VapiHmacPlan {
        if (secretKey == null || secretKey.isEmpty()) {
            throw new IllegalArgumentException("vapi hmac secretKey is required");
        }
        if (algorithm == null || macAlgorithm(algorithm) == null) {
            throw new IllegalArgumentException("vapi hmac algorithm must be sha256, sha512 or sha1, was " + algorithm);
        }
        if (signatureEncoding != null && !signatureEncoding.equalsIgnoreCase("hex")
                && !signatureEncoding.equalsIgnoreCase("base64")) {
            throw new IllegalArgumentException("vapi hmac signatureEncoding must be hex or base64, was "
                    + signatureEncoding);
        }
        if (Boolean.TRUE.equals(secretIsBase64)) {
            try {
                Base64.getDecoder().decode(secretKey);
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException("vapi hmac secretKey is not base64 although secretIsBase64 is true");
            }
        }
    }

    /** Vapi's defaults throughout: SHA-256, hex, {@code x-signature}, {@code x-timestamp}, {@code {timestamp}.{body}}. */
    public static VapiHmacPlan sha256(String secretKey) {
        return new VapiHmacPlan(secretKey, "sha256", null, null, null, null, null, null, null, null);
    }

    String effectiveSignatureHeader() {
        return orDefault(signatureHeader, DEFAULT_SIGNATURE_HEADER);
    }

    String effectiveTimestampHeader() {
        return orDefault(timestampHeader, DEFAULT_TIMESTAMP_HEADER);
    }

    String effectiveMessageIdHeader() {
        return orDefault(messageIdHeader, DEFAULT_MESSAGE_ID_HEADER);
    }

    String effectivePayloadFormat() {
        if (payloadFormat != null && !payloadFormat.isEmpty()) {
            return payloadFormat;
        }
        return Boolean.FALSE.equals(includeTimestamp) ? "{body}" : "{timestamp}.{body}";
    }

    boolean base64Signature() {
        return "base64".equalsIgnoreCase(signatureEncoding);
    }

    String macAlgorithm() {
        return macAlgorithm(algorithm);
    }

    byte[] key() {
        return Boolean.TRUE.equals(secretIsBase64) ? Base64.getDecoder().decode(secretKey) : Hmac.utf8(secretKey);
    }

    private static String macAlgorithm(String algorithm) {
        return switch (algorithm.trim().toLowerCase(Locale.ROOT)) {
            case "sha256" -> Hmac.SHA256;
            case "sha512" -> Hmac.SHA512;
            case "sha1" -> Hmac.SHA1;
            default -> null;
        };
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public String toString() {
        // Records print every component; the secret must never reach a log.
        return "VapiHmacPlan[algorithm=" + algorithm + ", signatureHeader=" + effectiveSignatureHeader()
                + ", timestampHeader=" + effectiveTimestampHeader() + ", payloadFormat=" + effectivePayloadFormat()
                + ", signatureEncoding=" + (base64Signature() ? "base64" : "hex") + "]";
    }
}
