package dev.dialtone.integrations.webhook;

/** A delivery attempt did not reach a 2xx answer; the message says what happened, for the incident timeline. */
public class WebhookDeliveryException extends Exception {

    private final int status;

    public WebhookDeliveryException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status received, or 0 when there was no answer (refused, timed out). */
    public int status() {
        return status;
    }
}
