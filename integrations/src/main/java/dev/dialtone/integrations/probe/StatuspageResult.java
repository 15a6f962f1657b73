package dev.dialtone.integrations.probe;

import java.util.List;
import java.util.Objects;

/**
 * A Statuspage probe's verdict together with the component statuses it was drawn from, so a responder can see what
 * the vendor reports without opening the page.
 *
 * @param result     the signal: UP, DEGRADED or DOWN with a detail naming the vendor
 * @param components the watched components as the page names them, or every component when the overall indicator
 *                   was used; empty when the page could not be read
 */
public record StatuspageResult(ProbeResult result, List<ComponentStatus> components) {

    public StatuspageResult {
        Objects.requireNonNull(result, "result");
        components = components == null ? List.of() : List.copyOf(components);
    }

    /** One component as the page reports it, e.g. {@code Chat Completions} / {@code partial_outage}. */
    public record ComponentStatus(String name, String status) {

        public ComponentStatus {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
        }
    }
}
