package dev.dialtone.domain.escalation;

/** The payload of an ack-timeout deadline: which level of which round it guards, so a stale one is ignored. */
public record AckTimeout(int level, int round) {
}
