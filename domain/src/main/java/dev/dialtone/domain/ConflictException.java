package dev.dialtone.domain;

/**
 * A request that the current state does not allow (acknowledge a resolved incident, take another tenant's id),
 * with a message the requester can act on. The API answers it with 409.
 */
public class ConflictException extends IllegalStateException {

    public ConflictException(String message) {
        super(message);
    }
}
