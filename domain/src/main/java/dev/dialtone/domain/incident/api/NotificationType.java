package dev.dialtone.domain.incident.api;

/** Why a target is told something: it is paged, or an incident it was paged for was acknowledged or resolved. */
public enum NotificationType {
    PAGE, ACKNOWLEDGED, RESOLVED
}
