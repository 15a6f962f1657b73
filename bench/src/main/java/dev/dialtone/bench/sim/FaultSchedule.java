package dev.dialtone.bench.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The faults of a run, parsed from {@code faults=<kind>@<startSecond>+<durationSeconds>[:<agents>],...} where
 * {@code <agents>} is an index ({@code 3}), an inclusive range ({@code 0-9}) or {@code all}, and defaults to agent 0.
 * Seconds are wall-clock seconds from the start of sending, whatever the {@code speed}.
 * <p>
 * An outage needs a cause: the n-th outage of the schedule (from 0) reports, in turn, an LLM provider failure
 * ({@code pipeline-error-openai-llm-failed}), a carrier failure ({@code twilio-error}) and a voice (TTS) failure
 * ({@code pipeline-error-eleven-labs-voice-failed}), so runbooks of several families get exercised.
 */
record FaultSchedule(List<Fault> faults) {

    static final String FORMAT = "<kind>@<startSecond>+<durationSeconds>[:<agent>|<from>-<to>|all]";
    static final List<String> OUTAGE_CAUSES = List.of("pipeline-error-openai-llm-failed", "twilio-error",
            "pipeline-error-eleven-labs-voice-failed");
    static final FaultSchedule NONE = new FaultSchedule(List.of());

    FaultSchedule {
        faults = List.copyOf(faults);
    }

    /** Parses a schedule for {@code agents} agents; every problem names the item and says what would be right. */
    static FaultSchedule parse(String spec, int agents) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        List<Fault> faults = new ArrayList<>();
        String[] items = spec.split(",", -1);
        int outages = 0;
        for (int i = 0; i < items.length; i++) {
            String item = items[i].trim();
            try {
                Fault fault = parseOne(item, agents, outages);
                if (fault.kind() == FaultKind.OUTAGE) {
                    outages++;
                }
                faults.add(fault);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("faults: item " + (i + 1) + " '" + item + "': " + e.getMessage()
                        + " (format " + FORMAT + ", e.g. outage@10+15:3)", e);
            }
        }
        return new FaultSchedule(faults);
    }

    private static Fault parseOne(String item, int agents, int outagesBefore) {
        if (item.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        int at = item.indexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("has no '@' before the start second");
        }
        FaultKind kind = FaultKind.byCliName(item.substring(0, at));
        String rest = item.substring(at + 1);
        String selector = "0";
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            selector = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        int plus = rest.indexOf('+');
        if (plus < 0) {
            throw new IllegalArgumentException("has no '+' before the duration in seconds");
        }
        int start = seconds(rest.substring(0, plus), "start second");
        int duration = seconds(rest.substring(plus + 1), "duration");
        if (duration == 0) {
            throw new IllegalArgumentException("the duration must be at least 1 second");
        }
        int first;
        int last;
        if (selector.equals("all")) {
            first = 0;
            last = agents - 1;
        } else if (selector.matches("\\d+-\\d+")) {
            first = agent(selector.substring(0, selector.indexOf('-')), agents);
            last = agent(selector.substring(selector.indexOf('-') + 1), agents);
            if (last < first) {
                throw new IllegalArgumentException("the agent range " + selector + " runs backwards; write "
                        + last + "-" + first);
            }
        } else if (selector.matches("\\d+")) {
            first = agent(selector, agents);
            last = first;
        } else {
            throw new IllegalArgumentException("agents '" + selector + "' is neither an index, a range like 0-9,"
                    + " nor 'all'");
        }
        String cause = kind == FaultKind.OUTAGE ? OUTAGE_CAUSES.get(outagesBefore % OUTAGE_CAUSES.size()) : null;
        return new Fault(kind, start, duration, first, last, selector, cause);
    }

    private static int seconds(String text, String what) {
        if (!text.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("the " + what + " '" + text + "' is not a whole number of seconds");
        }
        return Integer.parseInt(text);
    }

    private static int agent(String text, int agents) {
        int index = text.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(text);
        if (index >= agents) {
            throw new IllegalArgumentException("agent " + text + " does not exist: the run has " + agents
                    + " agents, 0-" + (agents - 1));
        }
        return index;
    }

    /** What the faults active at {@code elapsedSeconds} do to {@code agent}. */
    FaultState stateFor(int agent, double elapsedSeconds) {
        boolean silent = false;
        String outage = null;
        boolean dropping = false;
        boolean transfersFail = false;
        double multiplier = 1;
        boolean any = false;
        for (Fault fault : faults) {
            if (!fault.covers(agent) || !fault.activeAt(elapsedSeconds)) {
                continue;
            }
            any = true;
            switch (fault.kind()) {
                case SILENCE -> silent = true;
                case OUTAGE -> outage = outage == null ? fault.cause() : outage;
                case DROP15 -> dropping = true;
                case TRANSFER_FAIL -> transfersFail = true;
                case SPIKE2, SPIKE10 -> multiplier *= fault.kind().rateMultiplier();
            }
        }
        return any ? new FaultState(silent, outage, dropping, transfersFail, multiplier) : FaultState.NORMAL;
    }

    List<Fault> activeAt(double elapsedSeconds) {
        return faults.stream().filter(f -> f.activeAt(elapsedSeconds)).toList();
    }

    boolean isEmpty() {
        return faults.isEmpty();
    }
}
