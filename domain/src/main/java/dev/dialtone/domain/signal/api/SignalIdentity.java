package dev.dialtone.domain.signal.api;

import dev.dialtone.domain.tenancy.TenantId;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Derives the event identifier of a signal from (tenant, kind, source id). Because the identifier is deterministic,
 * the event store's unique constraint on event identifiers rejects a second copy of the same signal, whichever node
 * receives it and however long after the first.
 */
public final class SignalIdentity {

    private SignalIdentity() {
    }

    /** A name-based (version 3) UUID; the separator cannot occur in a tenant slug or a kind name. */
    public static String eventIdentifier(TenantId tenant, SignalKind kind, String sourceId) {
        String name = "dialtone-signal|" + tenant.value() + "|" + kind.name() + "|" + sourceId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
