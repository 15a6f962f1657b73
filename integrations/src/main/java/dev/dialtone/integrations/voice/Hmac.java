package dev.dialtone.integrations.voice;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** HMAC and constant-time comparisons shared by the platforms' signature checks. */
final class Hmac {

    static final String SHA1 = "HmacSHA1";
    static final String SHA256 = "HmacSHA256";
    static final String SHA512 = "HmacSHA512";

    private Hmac() {
    }

    static byte[] sign(String algorithm, byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }

    static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Compares the expected MAC with a hex string received in a header; malformed hex is simply a mismatch. */
    static boolean matchesHex(byte[] expected, String receivedHex) {
        if (receivedHex == null) {
            return false;
        }
        try {
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(receivedHex.trim()));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** Compares the expected MAC with a base64 string received in a header; malformed base64 is a mismatch. */
    static boolean matchesBase64(byte[] expected, String receivedBase64) {
        if (receivedBase64 == null) {
            return false;
        }
        try {
            return MessageDigest.isEqual(expected, Base64.getDecoder().decode(receivedBase64.trim()));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /**
     * Constant-time equality of two secrets. Comparing digests rather than the strings keeps the time independent
     * of where they differ and of the expected secret's length.
     */
    static boolean secretEquals(String expected, String received) {
        if (expected == null || received == null) {
            return false;
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] a = sha256.digest(utf8(expected));
            byte[] b = sha256.digest(utf8(received));
            return MessageDigest.isEqual(a, b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
