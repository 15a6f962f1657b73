package dev.dialtone.integrations.voice;

import dev.dialtone.domain.signal.api.CallDirection;
import dev.dialtone.domain.signal.api.CallOutcome;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Twilio's {@code CallStatus} and {@code Direction} in Dialtone's terms; the table MAPPINGS.md documents.
 *
 * <p>Statuses are those of Twilio's Call resource ("Call status values",
 * https://www.twilio.com/docs/voice/api/call-resource#call-status-values). {@code queued}, {@code initiated},
 * {@code ringing} and {@code in-progress} are progress, not outcomes: they record nothing. The terminal ones map the
 * same way in both directions; the direction decides whether the call counts toward the inbound SLI (outbound
 * calls are reported only):
 * <table>
 *   <caption>CallStatus to outcome</caption>
 *   <tr><th>CallStatus</th><th>outcome</th></tr>
 *   <tr><td>completed</td><td>ANSWERED</td></tr>
 *   <tr><td>busy</td><td>MISSED</td></tr>
 *   <tr><td>no-answer</td><td>MISSED</td></tr>
 *   <tr><td>failed</td><td>MISSED</td></tr>
 *   <tr><td>canceled</td><td>ABANDONED</td></tr>
 * </table>
 * An inbound call that ends {@code busy}, {@code no-answer} or {@code failed} never reached the agent: the lead was
 * missed. {@code canceled} means the call was hung up while queued or ringing, by the caller (inbound) or by the
 * application (outbound): nobody was let down by the agent, so it is excluded from the SLI. Twilio never reports a
 * dropped call as such: a connected call that the agent's stream lost still ends {@code completed}; those failures
 * come from the agent platform's own webhook. An unknown status is kept raw and recorded as {@link #DEFAULT_OUTCOME}.
 *
 * <p>{@code Direction} {@code inbound} and {@code trunking-originating} (from the PSTN into the trunk) are INBOUND;
 * {@code outbound-api}, {@code outbound-dial} and {@code trunking-terminating} are OUTBOUND; a missing or unknown
 * direction is INBOUND, because the inbound line is what Dialtone watches. A {@code <Dial>} child leg is
 * {@code outbound-dial}: point the StatusCallback at the parent (inbound) call to measure the line.
 */
public final class TwilioStatuses {

    /** Recorded for a terminal status Twilio adds after this table was written; kept raw, counted as UNKNOWN. */
    public static final CallOutcome DEFAULT_OUTCOME = CallOutcome.DROPPED;

    /** Progress statuses: a call in one of these has not ended. */
    public static final Set<String> NON_TERMINAL = Set.of("queued", "initiated", "ringing", "in-progress");

    private static final ReasonTable TABLE = new ReasonTable(Map.of(
            "completed", CallOutcome.ANSWERED,
            "busy", CallOutcome.MISSED,
            "no-answer", CallOutcome.MISSED,
            "failed", CallOutcome.MISSED,
            "canceled", CallOutcome.ABANDONED), List.of(), DEFAULT_OUTCOME);

    private TwilioStatuses() {
    }

    /** False for the progress statuses; true for the terminal ones and for any status Twilio may add. */
    public static boolean isTerminal(String callStatus) {
        return callStatus != null && !NON_TERMINAL.contains(ReasonTable.normalise(callStatus));
    }

    public static ReasonMapping map(String callStatus) {
        return TABLE.map(callStatus);
    }

    public static CallDirection direction(String twilioDirection) {
        if (twilioDirection == null) {
            return CallDirection.INBOUND;
        }
        String direction = twilioDirection.trim().toLowerCase(Locale.ROOT);
        return direction.startsWith("outbound") || direction.equals("trunking-terminating")
                ? CallDirection.OUTBOUND
                : CallDirection.INBOUND;
    }

    /** The terminal statuses and their outcomes, for documentation and tests. */
    public static Map<String, CallOutcome> exactTable() {
        return TABLE.exact();
    }
}
