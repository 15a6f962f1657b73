package dev.dialtone.domain.signal.api;

/** Outbound calls are recorded and reported but never count toward the inbound call-success SLI. */
public enum CallDirection {
    INBOUND, OUTBOUND
}
