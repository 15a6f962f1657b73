package dev.dialtone.domain.incident;

import dev.dialtone.domain.incident.api.Evidence;
import dev.dialtone.domain.incident.api.IncidentKind;
import dev.dialtone.domain.signal.api.CallOutcome;
import dev.dialtone.domain.signal.api.HealthStatus;
import dev.dialtone.domain.signal.api.SignalKind;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which runbook a responder gets: the one for the failure family most of the incident's evidence points at (an
 * OUTAGE of failing LLM calls opens {@code llm-provider}), else the one for its kind. The kind says how bad things
 * are; the platforms' reason strings say where to look, and that is what a responder at 3 a.m. needs first.
 */
public final class RunbookChoice {

    /**
     * The failure families, tried in order: a reason belongs to the first family with a keyword that starts a word
     * of it, ignoring case ({@code sip} finds {@code outbound-sip-503} and {@code sip_routing_error}; {@code _} and
     * spaces count as {@code -}). The order settles the overlaps found in the platforms' real reason strings.
     */
    static final List<Family> FAMILIES = List.of(
            // first: a hand-over that failed is a transfer problem whichever layer refused it, so
            // call.forwarding.operator-busy is not a busy line and a transfer refused by SIP is not the carrier's
            family("transfer-failures", "transfer", "forwarding"),
            // before the model: speech vendors have models, quotas and rate limits too
            // (pipeline-error-deepgram-returning-403-model-access-denied, pipeline-error-openai-voice-failed,
            // pipeline-error-soniox-transcriber-rate-limited), and ...-eleven-labs-system-busy-... is no busy line
            family("speech", "transcriber", "voice", "speech", "tts", "stt", "asr", "audio", "deepgram",
                    "assembly-ai", "assemblyai", "gladia", "speechmatics", "talkscriber", "soniox", "eleven-labs",
                    "elevenlabs", "cartesia", "playht", "play-ht", "lmnt", "rime-ai", "smallest-ai", "neuphonic",
                    "hume", "sesame", "inworld", "wellsaid", "tavus"),
            // what is left of Vapi's pipeline errors is the model (pipeline-error-vapi-401-unauthorized);
            // Retell's error_llm_websocket_... is the connection to the LLM
            family("llm-provider", "llm", "model", "pipeline-error", "openai", "anthropic", "claude", "gpt",
                    "gemini", "google", "groq", "xai", "mistral", "minimax", "cerebras", "deep-seek", "deepseek",
                    "baseten", "together-ai", "anyscale", "openrouter", "perplexity-ai", "deepinfra", "runpod",
                    "inflection-ai", "429", "rate-limit", "quota", "unauthorized", "bad-request",
                    "server-overloaded", "server-error"),
            // calls that cannot reach the agent: a number in service nowhere, or attached to no assistant; before the
            // carrier, as phone-call-provider-bypass-enabled-but-no-call-received is a call that never came
            family("no-traffic", "no-call-received", "not-in-service", "number-not", "unallocated",
                    "neither-assistant-nor-server-set"),
            family("telephony-carrier", "sip", "twilio", "vonage", "telnyx", "plivo", "telephony", "carrier",
                    "pstn", "trunk", "phone-call-provider", "get-phone-number", "failed-to-connect",
                    "never-connected", "dial-", "busy", "no-answer", "did-not-answer", "misdialed",
                    "invalid-destination"));

    /** {@code inbound call DROPPED (reason)} as the detectors write it; also {@code ...DROPPED: reason}. */
    private static final Pattern CALL = Pattern.compile(
            "(?:inbound|outbound) call ([A-Z_]+)(?:: (.*)| \\((.*)\\))?", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    /** {@code sip-options DOWN: timeout (5000 ms)}. */
    private static final Pattern HEALTH_CHECK = Pattern.compile(
            "(.+?) (UP|DOWN|DEGRADED)(?:: (.*?))?(?: \\(\\d+ ms\\))?", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private RunbookChoice() {
    }

    /**
     * The runbook for an incident of this kind with this evidence: SILENCE always gets {@code silence} (there are
     * no reasons in a silence); otherwise the family with the most evidence items, the one seen first on a tie;
     * the kind's own runbook when no item names a family.
     */
    /** The runbook ids the failure families lead to, in the order they are tried. */
    public static List<String> familyRunbookIds() {
        return FAMILIES.stream().map(Family::runbookId).toList();
    }

    public static String runbookId(IncidentKind kind, List<Evidence> evidence) {
        Objects.requireNonNull(kind, "kind");
        if (kind == IncidentKind.SILENCE || evidence == null) {
            return kind.runbookId();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Evidence fact : evidence) {
            family(fact).ifPresent(family -> counts.merge(family, 1, Integer::sum));
        }
        String chosen = kind.runbookId();
        int most = 0;
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
            if (count.getValue() > most) {
                chosen = count.getKey();
                most = count.getValue();
            }
        }
        return chosen;
    }

    /**
     * The family of one fact: only a bad call's outcome and reason, or a DOWN health check's detail, say what
     * failed (the probe's name says how it looked, not what broke: a SIP probe that times out is an outage of
     * unknown cause, one answered {@code SIP 503} is the carrier's). Good calls, failover actions and the detectors' own summaries (silence, burn rates) say nothing
     * about it; nor does a DEGRADED check, whose detail guesses at causes (Vapi's "slow model, voice or tool").
     */
    static Optional<String> family(Evidence fact) {
        if (fact == null || fact.summary() == null) {
            return Optional.empty();
        }
        if (fact.kind() == SignalKind.CALL) {
            Matcher call = CALL.matcher(fact.summary().strip());
            if (call.matches() && isBad(call.group(1).toUpperCase(Locale.ROOT))) {
                String reason = call.group(2) != null ? call.group(2) : call.group(3);
                return family(call.group(1) + (reason == null ? "" : " " + reason));
            }
        } else if (fact.kind() == SignalKind.HEALTH_CHECK) {
            Matcher check = HEALTH_CHECK.matcher(fact.summary().strip());
            if (check.matches() && HealthStatus.DOWN.name().equalsIgnoreCase(check.group(2))) {
                return check.group(3) == null ? Optional.empty() : family(check.group(3));
            }
        }
        return Optional.empty();
    }

    /** The first family with a keyword that starts a word of the text. */
    static Optional<String> family(String text) {
        String words = text.toLowerCase(Locale.ROOT).replaceAll("[_\\s]+", "-");
        return FAMILIES.stream().filter(family -> family.keywords().matcher(words).find())
                .map(Family::runbookId).findFirst();
    }

    private static boolean isBad(String outcome) {
        return Arrays.stream(CallOutcome.values())
                .anyMatch(o -> o.name().equals(outcome) && o.quality() == CallOutcome.Quality.BAD);
    }

    private static Family family(String runbookId, String... keywords) {
        return new Family(runbookId, Pattern.compile(Arrays.stream(keywords).map(Pattern::quote)
                .collect(Collectors.joining("|", "(?<![a-z0-9])(?:", ")"))));
    }

    /** A runbook and the words that send a responder to it. */
    record Family(String runbookId, Pattern keywords) {
    }
}
