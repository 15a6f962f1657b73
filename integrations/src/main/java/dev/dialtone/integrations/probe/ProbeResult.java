package dev.dialtone.integrations.probe;

import dev.dialtone.domain.signal.api.HealthStatus;

import java.util.Objects;

/**
 * What one probe attempt found, as it becomes a health-check signal.
 *
 * @param status    UP, DEGRADED or DOWN
 * @param latencyMs how long the peer took to answer; null when it did not answer
 * @param detail    a short reason a responder can act on, e.g. {@code HTTP 503}, {@code timeout after 5000 ms},
 *                  {@code TLS: PKIX path building failed}, {@code SIP 486 Busy Here}
 */
public record ProbeResult(HealthStatus status, Long latencyMs, String detail) {

    public ProbeResult {
        Objects.requireNonNull(status, "status");
        if (detail != null && detail.length() > 500) {
            detail = detail.substring(0, 499) + "…";
        }
    }
}
