package dev.dialtone.integrations.voice;

import dev.dialtone.domain.agent.api.VoicePlatform;

import dev.dialtone.domain.signal.api.HealthStatus;

import java.time.Instant;
import java.util.Objects;

/**
 * A health observation a voice platform pushed to Dialtone (Vapi's {@code hang}: the assistant stalled mid-call),
 * recorded as a health-check signal next to the probes'.
 *
 * @param check  the health-check name the signal is recorded under, e.g. {@code vapi-hang}
 * @param callId the call the observation came from; null when the platform did not say
 */
public record PlatformHealth(VoicePlatform platform,
                             String sourceId,
                             String check,
                             Instant occurredAt,
                             HealthStatus status,
                             String detail,
                             String callId) implements PlatformSignal {

    public PlatformHealth {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(status, "status");
    }
}
