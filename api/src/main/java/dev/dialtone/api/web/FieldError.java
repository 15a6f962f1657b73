package dev.dialtone.api.web;

/**
 * One thing wrong with a request, named so a client can point at it.
 *
 * @param field   the field's path, e.g. {@code levels[1].ackTimeout} or {@code [3].occurredAt} in a batch
 * @param message what is wrong and what is expected
 */
public record FieldError(String field, String message) {
}
