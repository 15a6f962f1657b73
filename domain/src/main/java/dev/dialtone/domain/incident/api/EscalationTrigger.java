package dev.dialtone.domain.incident.api;

/** Why a level of the ladder was notified, so "why was this person paged at 03:12" has an answer. */
public enum EscalationTrigger {
    /** The incident was opened (level 1). */
    OPENED,
    /** The incident was reopened (level 1 again). */
    REOPENED,
    /** Nobody acknowledged within the previous level's ack timeout. */
    ACK_TIMEOUT,
    /** A person asked for the next level. */
    MANUAL,
    /** A ticket-level incident became serious enough to page. */
    SEVERITY_RAISED
}
