package dev.dialtone.integrations.voice;

/**
 * A webhook body that lacks what any delivery of its kind must carry (a call id, the message envelope); the
 * endpoint answers 400 with this message. Unknown reasons or event types are never malformed.
 */
public class MalformedWebhookException extends IllegalArgumentException {

    public MalformedWebhookException(String message) {
        super(message);
    }
}
