package dev.dialtone.integrations.pagerduty;

/** A link shown on the PagerDuty alert and incident, so a responder lands on Dialtone's view in one tap. */
public record PagerDutyLink(String href, String text) {

    public PagerDutyLink {
        if (href == null || href.isBlank()) {
            throw new IllegalArgumentException("a PagerDuty link needs an href");
        }
    }
}
