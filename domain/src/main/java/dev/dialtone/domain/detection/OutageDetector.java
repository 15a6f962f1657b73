package dev.dialtone.domain.detection;

import dev.dialtone.domain.agent.api.DetectionSettings;
import dev.dialtone.domain.incident.api.Evidence;
import dev.dialtone.domain.signal.api.HealthStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outages from runs: {@code healthFailuresToOpen} consecutive DOWN results of one check, or {@code badCallsToOpen}
 * consecutive bad inbound calls. Downtime starts at the first failure of the run that crossed the threshold. The
 * outage ends when {@code goodCallsToResolve} consecutive good calls arrive (real traffic succeeding is the
 * strongest evidence), or when every failing check has {@code healthSuccessesToResolve} consecutive UP results and
 * calls are not failing; recovery is dated at the first success of the confirming run.
 * <p>
 * Each check and the call stream keep their own event-time order: a result older than the newest one already seen
 * for its check (or call stream) cannot break or extend a run, and is ignored here.
 */
public final class OutageDetector {

    private final Map<String, Run> checks = new LinkedHashMap<>();
    private final Run calls = new Run();
    private DetectionSettings settings;
    private Instant startedAt;
    private Instant recoveredAt;
    private final EvidenceTrail evidence = new EvidenceTrail();

    public OutageDetector(DetectionSettings settings) {
        this.settings = settings;
    }

    void reconfigure(DetectionSettings newSettings) {
        this.settings = newSettings;
    }

    public boolean inOutage() {
        return startedAt != null;
    }

    /** When the current outage began (event time), or null. */
    public Instant startedAt() {
        return startedAt;
    }

    /** When the last outage ended (event time), or null. */
    public Instant recoveredAt() {
        return recoveredAt;
    }

    public List<Evidence> evidence() {
        return evidence.snapshot();
    }

    public void onHealthCheck(String check, HealthStatus status, Instant at, Evidence fact) {
        Run run = checks.computeIfAbsent(check, c -> new Run());
        if (!run.accepts(at)) {
            return;
        }
        switch (status) {
            case DOWN -> {
                run.failure(at, fact);
                if (!run.failing && run.failures >= settings.healthFailuresToOpen()) {
                    run.failing = true;
                    begin(run);
                }
            }
            case UP -> {
                run.success(at);
                if (run.failing && run.successes >= settings.healthSuccessesToResolve()) {
                    run.failing = false;
                    if (inOutage() && !calls.failing && checks.values().stream().noneMatch(r -> r.failing)) {
                        end(run.successStart);
                    }
                }
            }
            case DEGRADED -> run.neither(at);
        }
    }

    /** An inbound call that counts for the SLI (abandoned and outbound calls do not come here). */
    public void onInboundCall(boolean bad, Instant at, Evidence fact) {
        if (!calls.accepts(at)) {
            return;
        }
        if (bad) {
            calls.failure(at, fact);
            if (!calls.failing && calls.failures >= settings.badCallsToOpen()) {
                calls.failing = true;
                begin(calls);
            }
        } else {
            calls.success(at);
            if (inOutage() && calls.successes >= settings.goodCallsToResolve()) {
                // calls getting through end the outage whatever the probes say; probes must fail afresh to reopen
                calls.failing = false;
                checks.values().forEach(Run::restart);
                end(calls.successStart);
            }
        }
    }

    /** A person resolved the outage: forget the runs, so only fresh failures open another. */
    public void reset() {
        checks.values().forEach(Run::restart);
        calls.restart();
        if (startedAt != null) {
            startedAt = null;
            evidence.clear();
        }
    }

    private void begin(Run run) {
        if (!inOutage()) {
            startedAt = run.failureStart;
            evidence.restore(run.trail.snapshot());
        }
    }

    private void end(Instant at) {
        startedAt = null;
        recoveredAt = at;
        evidence.clear();
    }

    /** Consecutive failures or successes of one check, or of the inbound calls. */
    static final class Run {
        Instant lastAt;
        int failures;
        Instant failureStart;
        int successes;
        Instant successStart;
        boolean failing;
        final EvidenceTrail trail = new EvidenceTrail();

        boolean accepts(Instant at) {
            if (lastAt != null && at.isBefore(lastAt)) {
                return false;
            }
            lastAt = at;
            return true;
        }

        void failure(Instant at, Evidence fact) {
            successes = 0;
            if (failures++ == 0) {
                failureStart = at;
                trail.clear();
            }
            trail.add(fact);
        }

        void success(Instant at) {
            failures = 0;
            if (successes++ == 0) {
                successStart = at;
            }
        }

        void neither(Instant at) {
            failures = 0;
            successes = 0;
        }

        void restart() {
            failures = 0;
            successes = 0;
            failing = false;
            trail.clear();
        }
    }

    // --- persistence

    Map<String, Run> checks() {
        return checks;
    }

    Run calls() {
        return calls;
    }

    void restore(Instant started, Instant recovered, List<Evidence> trail) {
        this.startedAt = started;
        this.recoveredAt = recovered;
        this.evidence.restore(trail);
    }

    List<String> checkNames() {
        return new ArrayList<>(checks.keySet());
    }
}
