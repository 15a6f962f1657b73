package dev.dialtone.integrations.slack;

/**
 * A request from Slack (already signature-checked) that lacks what every request of its kind carries; the
 * endpoint answers 400 with this message, which names the missing field.
 */
public class MalformedSlackRequestException extends IllegalArgumentException {

    public MalformedSlackRequestException(String message) {
        super(message);
    }

    public MalformedSlackRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
