package dev.dialtone.integrations.voice;

/**
 * How confidently a platform's raw status or reason was understood, so unknown reasons can be counted in a metric
 * and the tables extended before they matter.
 */
public enum ReasonMatch {
    /** The raw value is in the platform's table. */
    EXACT,
    /** The raw value is not in the table but a family rule (prefix, suffix or pattern) recognised it. */
    FAMILY,
    /** Nothing recognised the raw value; it is kept verbatim and mapped to the table's documented default. */
    UNKNOWN
}
