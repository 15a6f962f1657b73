package dev.dialtone.api.security;

import dev.dialtone.api.config.DialtoneProperties;
import dev.dialtone.domain.tenancy.TenantId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured keys, indexed by their SHA-256 digest: a lookup never compares a presented key character by
 * character with a real one, and the keys themselves are not kept in the index.
 */
public final class ApiKeys {

    private final Map<String, Caller> byDigest = new HashMap<>();

    public ApiKeys(List<DialtoneProperties.ApiKey> keys) {
        for (DialtoneProperties.ApiKey key : keys) {
            byDigest.put(digest(key.key()), new Caller(new TenantId(key.tenant()), key.role()));
        }
    }

    public Optional<Caller> find(String presentedKey) {
        return Optional.ofNullable(byDigest.get(digest(presentedKey)));
    }

    public int size() {
        return byDigest.size();
    }

    private static String digest(String key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
