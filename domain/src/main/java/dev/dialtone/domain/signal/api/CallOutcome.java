package dev.dialtone.domain.signal.api;

/** How a call ended, as it matters to the business whose phone the agent answers. */
public enum CallOutcome {
    ANSWERED(Quality.GOOD),
    TRANSFERRED(Quality.GOOD),
    MISSED(Quality.BAD),
    DROPPED(Quality.BAD),
    TRANSFER_FAILED(Quality.BAD),
    /** The caller hung up before the agent could answer: reported, but excluded from the call SLI. */
    ABANDONED(Quality.EXCLUDED);

    /** Where an outcome lands in the call-success SLI. */
    public enum Quality { GOOD, BAD, EXCLUDED }

    private final Quality quality;

    CallOutcome(Quality quality) {
        this.quality = quality;
    }

    public Quality quality() {
        return quality;
    }
}
