package dev.dialtone.domain.agent.api;

import java.util.Locale;
import java.util.Optional;

/** How Dialtone checks an agent itself: an HTTP call, a SIP OPTIONS ping, or a vendor's public status page. */
public enum ProbeKind {
    HTTP, SIP_OPTIONS, STATUSPAGE;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ProbeKind> fromKey(String key) {
        for (ProbeKind kind : values()) {
            if (kind.key().equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
