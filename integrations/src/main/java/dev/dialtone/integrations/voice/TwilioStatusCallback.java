package dev.dialtone.integrations.voice;

import dev.dialtone.domain.agent.api.VoicePlatform;

import dev.dialtone.domain.signal.api.CallDirection;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Twilio Voice status callback (form parameters, as Twilio posts them) into a finished call, so a business
 * whose own Twilio app answers its line can point the StatusCallback URL at Dialtone.
 *
 * <p>Parameters from Twilio's "Call status callbacks" documentation: {@code CallSid}, {@code CallStatus},
 * {@code Direction}, {@code Timestamp} (RFC 1123), {@code CallDuration} (seconds), {@code SequenceNumber}. Twilio
 * may deliver callbacks out of order and retry them: the sourceId {@code CallSid:CallStatus} makes a repeat a
 * duplicate, and {@link PlatformCall#sequenceNumber()} lets the caller keep the latest state of a call.
 */
public final class TwilioStatusCallback {

    public static final String EVENT = "status-callback";

    private TwilioStatusCallback() {
    }

    /**
     * @param formParams the decoded form parameters, one value per name
     * @param receivedAt used as the call's time when Twilio sent no parseable {@code Timestamp}
     * @return empty for progress statuses ({@code queued}, {@code initiated}, {@code ringing}, {@code in-progress})
     * @throws MalformedWebhookException when {@code CallSid} or {@code CallStatus} is missing
     */
    public static Optional<PlatformCall> parse(Map<String, String> formParams, Instant receivedAt) {
        String callSid = required(formParams, "CallSid");
        String callStatus = required(formParams, "CallStatus");
        if (!TwilioStatuses.isTerminal(callStatus)) {
            return Optional.empty();
        }
        CallDirection direction = TwilioStatuses.direction(blankToNull(formParams.get("Direction")));
        ReasonMapping mapping = TwilioStatuses.map(callStatus);
        return Optional.of(new PlatformCall(
                VoicePlatform.TWILIO,
                callSid + ":" + callStatus,
                callSid,
                EVENT,
                timestamp(formParams.get("Timestamp")).orElse(receivedAt),
                direction,
                mapping.outcome(),
                duration(formParams),
                callStatus,
                mapping.match(),
                longValue(formParams.get("SequenceNumber"))));
    }

    private static String required(Map<String, String> params, String name) {
        String value = params == null ? null : blankToNull(params.get(name));
        if (value == null) {
            throw new MalformedWebhookException("a Twilio status callback carries " + name);
        }
        return value.trim();
    }

    private static Optional<Instant> timestamp(String rfc1123) {
        if (rfc1123 == null || rfc1123.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(rfc1123.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException unparseable) {
            return Optional.empty();
        }
    }

    // CallDuration is the call's length in seconds (Twilio status callback parameters); Duration is only a fallback.
    private static Double duration(Map<String, String> params) {
        Double callDuration = doubleValue(params.get("CallDuration"));
        return callDuration != null ? callDuration : doubleValue(params.get("Duration"));
    }

    private static Double doubleValue(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static Long longValue(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
