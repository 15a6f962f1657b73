package dev.dialtone.projections;

/** Names of the event processors that own the read models, referenced by configuration. */
public final class ProcessingGroups {

    /** All MongoDB read models share one processor, so the event stream is read and deserialized once. */
    public static final String PROJECTIONS = "projections";

    private ProcessingGroups() {
    }
}
