package dev.dialtone.api.signal;

/** The answer to a signal request: how many were stored now, and how many had been seen before. */
public record IngestResult(int accepted, int duplicates) {
}
