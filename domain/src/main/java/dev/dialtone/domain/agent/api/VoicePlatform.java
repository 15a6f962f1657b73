package dev.dialtone.domain.agent.api;

import java.util.Locale;
import java.util.Optional;

/** The voice platforms whose native webhooks Dialtone understands; each may have its own secret per agent. */
public enum VoicePlatform {
    TWILIO, VAPI, RETELL, ELEVENLABS;

    /** The lower-case name used in JSON and URLs. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<VoicePlatform> fromKey(String key) {
        for (VoicePlatform platform : values()) {
            if (platform.key().equals(key)) {
                return Optional.of(platform);
            }
        }
        return Optional.empty();
    }
}
