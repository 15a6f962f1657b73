package dev.dialtone.api.security;

import dev.dialtone.api.config.DialtoneProperties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The key the embedded default makes when none is configured, so a first run works without reading configuration
 * docs. It is generated once, printed once, and kept (owner-readable only) in the data directory so the walkthrough
 * keeps working across restarts.
 */
final class DemoApiKey {

    static final String TENANT = "demo";
    static final String FILE_NAME = "demo-api-key";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int RANDOM_CHARS = 32;

    private DemoApiKey() {
    }

    static DialtoneProperties.ApiKey loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                String key = Files.readString(file).trim();
                System.out.println("Dialtone: using the demo operator API key for tenant '" + TENANT
                        + "' stored in " + file.toAbsolutePath());
                return new DialtoneProperties.ApiKey(key, TENANT, DialtoneProperties.Role.OPERATOR);
            }
            String key = generate();
            Files.createDirectories(dataDir);
            Files.writeString(file, key + System.lineSeparator());
            restrictToOwner(file);
            System.out.println();
            System.out.println("Dialtone: no API keys are configured, so one operator key for tenant '" + TENANT
                    + "' was generated. It is shown only this once (and kept in " + file.toAbsolutePath() + "):");
            System.out.println();
            System.out.println("    " + key);
            System.out.println();
            return new DialtoneProperties.ApiKey(key, TENANT, DialtoneProperties.Role.OPERATOR);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the demo API key in " + file, e);
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder key = new StringBuilder("dt_");
        for (int i = 0; i < RANDOM_CHARS; i++) {
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return key.toString();
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions apply
        }
    }
}
