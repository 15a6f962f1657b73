package dev.dialtone.integrations.probe;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Which parts of a vendor's public Atlassian Statuspage an agent depends on, so an outage the vendor has already
 * announced shows up next to the agent's own signals.
 *
 * @param pageUrl    the status page, e.g. {@code https://status.openai.com}, or its {@code /api/v2/summary.json}
 * @param components component (or group) names to watch, matched ignoring case and surrounding blanks; empty to use
 *                   the page's overall {@code status.indicator}
 * @param vendor     the short vendor name the signal carries, e.g. {@code openai}
 * @param timeout    how long fetching the summary may take: 1 s to 60 s
 */
public record StatuspageCheck(URI pageUrl, List<String> components, String vendor, Duration timeout) {

    static final String SUMMARY_PATH = "/api/v2/summary.json";

    public StatuspageCheck {
        HttpCheck.requireHttpUrl(pageUrl, "pageUrl");
        if (components == null || components.stream().anyMatch(name -> name == null || name.isBlank())) {
            throw new IllegalArgumentException("components must be a list of component names (empty to watch the "
                    + "overall status), without blank names, was " + components);
        }
        components = components.stream().map(String::strip).toList();
        if (vendor == null || vendor.isBlank()) {
            throw new IllegalArgumentException("vendor must name the vendor, e.g. openai");
        }
        vendor = vendor.strip();
        HttpCheck.requireTimeout(timeout, "timeout");
    }

    /** The page's summary document; whatever query or fragment {@code pageUrl} had is dropped. */
    public URI summaryUrl() {
        String path = pageUrl.getRawPath() == null ? "" : pageUrl.getRawPath();
        if (!path.endsWith(SUMMARY_PATH)) {
            path = path.replaceAll("/+$", "") + SUMMARY_PATH;
        }
        return URI.create(pageUrl.getScheme() + "://" + pageUrl.getRawAuthority() + path);
    }
}
