package dev.dialtone.integrations.voice;

import dev.dialtone.domain.signal.api.CallOutcome;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Exact table first, then family rules in order, then the default: the lookup every platform table shares. */
final class ReasonTable {

    private final Map<String, CallOutcome> exact;
    private final List<FamilyRule> families;
    private final CallOutcome defaultOutcome;

    ReasonTable(Map<String, CallOutcome> exact, List<FamilyRule> families, CallOutcome defaultOutcome) {
        this.exact = Map.copyOf(exact);
        this.families = List.copyOf(families);
        this.defaultOutcome = defaultOutcome;
    }

    ReasonMapping map(String rawReason) {
        if (rawReason == null || rawReason.isBlank()) {
            return new ReasonMapping(defaultOutcome, ReasonMatch.UNKNOWN);
        }
        String reason = normalise(rawReason);
        CallOutcome known = exact.get(reason);
        if (known != null) {
            return new ReasonMapping(known, ReasonMatch.EXACT);
        }
        for (FamilyRule rule : families) {
            if (rule.matches(reason)) {
                return new ReasonMapping(rule.outcome(), ReasonMatch.FAMILY);
            }
        }
        return new ReasonMapping(defaultOutcome, ReasonMatch.UNKNOWN);
    }

    Map<String, CallOutcome> exact() {
        return exact;
    }

    List<FamilyRule> families() {
        return families;
    }

    // Platforms spell their reasons in lower case; trimming and lower-casing only forgives transport noise.
    static String normalise(String rawReason) {
        return rawReason.trim().toLowerCase(Locale.ROOT);
    }

    static boolean containsAny(String value, String... parts) {
        for (String part : parts) {
            if (value.contains(part)) {
                return true;
            }
        }
        return false;
    }

    static boolean startsWithAny(String value, String... prefixes) {
        for (String prefix : prefixes) {
            if (value.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
