package dev.dialtone.domain.detection;

import dev.dialtone.domain.agent.api.AgentConfiguration;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.DetectionSettings;
import dev.dialtone.domain.agent.api.MaintenanceWindow;
import dev.dialtone.domain.incident.api.Evidence;
import dev.dialtone.domain.incident.api.IncidentKind;
import dev.dialtone.domain.incident.api.Severity;
import dev.dialtone.domain.signal.api.CallDirection;
import dev.dialtone.domain.signal.api.CallOutcome;
import dev.dialtone.domain.signal.api.CallOutcomeRecordedEvent;
import dev.dialtone.domain.signal.api.FailoverActionRecordedEvent;
import dev.dialtone.domain.signal.api.HealthCheckRecordedEvent;
import dev.dialtone.domain.signal.api.HealthStatus;
import dev.dialtone.domain.signal.api.SignalKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything Dialtone knows about one agent's health, and the rules that turn it into incidents (DESIGN.md
 * "Detection"). Fed one fact at a time in event-time order; each call returns the {@link Decision}s it leads to.
 * <p>
 * The detectors say whether a problem is present; the monitor reconciles that with the incidents it has open, so
 * a problem that starts inside a maintenance window, or while an outage inhibits it, is opened as soon as it is
 * seen outside them. Rules: at most one open incident per kind; a recurrence within the reopen window reopens the
 * last incident of the kind; an open OUTAGE inhibits new DEGRADED and BUDGET_BURN incidents (and budget burn stays
 * quiet for {@link #BURN_PAGE_QUIET_AFTER_OUTAGE} after an outage, while its short windows still hold the outage's
 * failures); nothing new opens inside a maintenance window.
 */
public final class AgentMonitor {

    /** A budget-burn page's short windows (5 and 30 minutes) still see an outage's failures for this long. */
    public static final Duration BURN_PAGE_QUIET_AFTER_OUTAGE = Duration.ofMinutes(30);
    /** A budget-burn ticket's short window is 6 hours. */
    public static final Duration BURN_TICKET_QUIET_AFTER_OUTAGE = Duration.ofHours(6);
    /** Facts attached to one incident after it opened; later ones are only counted by the detectors. */
    static final int MAX_ATTACHED_EVIDENCE = 20;

    private final AgentId agentId;
    private AgentConfiguration configuration;
    private BusinessCalendar calendar;
    final OutageDetector outage;
    final DegradationDetector degradation;
    BurnRateDetector burn;
    Instant burnStartedAt;
    Instant burnEndedAt;
    boolean burnHeld;
    boolean degradationPending;
    Instant lastActivityAt;
    boolean silent;
    Instant silenceDetectedAt;
    Instant silenceStartedAt;
    Instant silenceEndedAt;
    Instant silenceCheckDue;
    final Map<String, MaintenanceWindow> maintenance = new LinkedHashMap<>();
    final Map<IncidentKind, OpenIncident> open = new EnumMap<>(IncidentKind.class);
    final Map<IncidentKind, ResolvedIncident> lastResolved = new EnumMap<>(IncidentKind.class);
    int incidentCount;

    public AgentMonitor(AgentId agentId, AgentConfiguration configuration, Instant watchingSince) {
        this.agentId = agentId;
        DetectionSettings settings = configuration.detection();
        this.outage = new OutageDetector(settings);
        this.degradation = new DegradationDetector(settings.baselineBadRate(), settings.degradedBadRate());
        this.lastActivityAt = watchingSince;
        apply(configuration);
    }

    public AgentId agentId() {
        return agentId;
    }

    public AgentConfiguration configuration() {
        return configuration;
    }

    /** New settings apply from the next fact on; windows and runs already counted are kept. */
    public List<Decision> reconfigure(AgentConfiguration newConfiguration) {
        DetectionSettings before = configuration.detection();
        DetectionSettings after = newConfiguration.detection();
        outage.reconfigure(after);
        if (before.baselineBadRate() != after.baselineBadRate() || before.degradedBadRate() != after.degradedBadRate()) {
            degradation.configure(after.baselineBadRate(), after.degradedBadRate());
        }
        boolean calendarChanged = !configuration.businessHours().equals(newConfiguration.businessHours())
                || !configuration.timezone().equals(newConfiguration.timezone())
                || !before.silence().equals(after.silence());
        apply(newConfiguration);
        List<Decision> decisions = new ArrayList<>();
        if (calendarChanged && !silent) {
            silenceCheckDue = null;
            armSilenceCheck(decisions);
        }
        return decisions;
    }

    private void apply(AgentConfiguration newConfiguration) {
        BurnRateDetector previous = burn;
        this.configuration = newConfiguration;
        this.calendar = new BusinessCalendar(newConfiguration.businessHours(), newConfiguration.timezone());
        this.burn = new BurnRateDetector(newConfiguration.callSuccessTarget(),
                newConfiguration.detection().badCallsToOpen());
        if (previous != null) {
            this.burn.fine.copyFrom(previous.fine);
            this.burn.medium.copyFrom(previous.medium);
            this.burn.coarse.copyFrom(previous.coarse);
            this.burn.firstCall = previous.firstCall;
        }
    }

    /** Starts watching for silence: to be called once, when the agent is registered. */
    public List<Decision> start() {
        List<Decision> decisions = new ArrayList<>();
        armSilenceCheck(decisions);
        return decisions;
    }

    public List<Decision> onCall(CallOutcomeRecordedEvent call) {
        List<Decision> decisions = new ArrayList<>();
        Instant at = call.occurredAt();
        noteActivity(at, decisions);
        if (call.direction() == CallDirection.INBOUND && call.outcome().quality() != CallOutcome.Quality.EXCLUDED) {
            boolean bad = call.outcome().quality() == CallOutcome.Quality.BAD;
            Evidence fact = new Evidence(call.signalId(), SignalKind.CALL, at, bad ? "inbound call " + call.outcome()
                    + (call.reason() == null ? "" : " (" + call.reason() + ")") : "inbound call " + call.outcome());
            boolean wasDown = outage.inOutage();
            outage.onInboundCall(bad, at, fact);
            if (outage.inOutage() && !wasDown && !open.containsKey(IncidentKind.DEGRADED)) {
                // the bad calls that led up to the outage say nothing about degradation: forget them
                degradation.reset();
            }
            if (!outage.inOutage()) {
                // calls failing because the agent is down say nothing about degradation either
                degradation.onInboundCall(bad, at);
            }
            degradationPending = degradation.degraded() && bad;
            BurnRateDetector.Level before = burn.level();
            BurnRateDetector.Level level = burn.record(at, bad);
            if (before == BurnRateDetector.Level.NONE && level != BurnRateDetector.Level.NONE) {
                burnStartedAt = at;
            } else if (before != BurnRateDetector.Level.NONE && level == BurnRateDetector.Level.NONE) {
                burnEndedAt = at;
            }
            reconcile(at, fact, decisions);
            if (bad) {
                attach(IncidentKind.OUTAGE, fact, decisions);
                attach(IncidentKind.DEGRADED, fact, decisions);
            }
        }
        return decisions;
    }

    public List<Decision> onHealthCheck(HealthCheckRecordedEvent check) {
        List<Decision> decisions = new ArrayList<>();
        Instant at = check.occurredAt();
        Evidence fact = new Evidence(check.signalId(), SignalKind.HEALTH_CHECK, at, check.check() + " "
                + check.status() + (check.detail() == null ? "" : ": " + check.detail())
                + (check.latencyMs() == null ? "" : " (" + check.latencyMs() + " ms)"));
        if (check.vendorStatus()) {
            // a vendor's status page is supporting evidence for what the agent's own signals show: it neither opens
            // nor ends an incident, and a vendor being fine says nothing about whether this line answers
            if (check.status() != HealthStatus.UP) {
                attach(IncidentKind.OUTAGE, fact, decisions);
                attach(IncidentKind.DEGRADED, fact, decisions);
            }
            return decisions;
        }
        if (check.status() == HealthStatus.UP) {
            noteActivity(at, decisions);
        }
        outage.onHealthCheck(check.check(), check.status(), at, fact);
        reconcile(at, fact, decisions);
        if (check.status() == HealthStatus.DOWN) {
            attach(IncidentKind.OUTAGE, fact, decisions);
        }
        return decisions;
    }

    /** A platform or person moved calls to or from the backup line: part of the open outage's story. */
    public List<Decision> onFailoverAction(FailoverActionRecordedEvent action) {
        OpenIncident incident = open.get(IncidentKind.OUTAGE);
        if (incident == null) {
            return List.of();
        }
        return List.of(new Decision.AddEvidence(incident.incidentId, List.of(new Evidence(action.signalId(),
                SignalKind.FAILOVER_ACTION, action.occurredAt(), "failover " + action.action()
                + (action.target() == null ? "" : " to " + action.target())
                + (action.initiatedBy() == null ? "" : " by " + action.initiatedBy())))));
    }

    /**
     * The silence timer armed for {@code dueAt} fired at wall-clock {@code now}. A timer this monitor no longer
     * waits for (superseded, or fired twice) is ignored. Silence found inside maintenance is opened when the window
     * ends, if the line is still silent then.
     */
    public List<Decision> onSilenceCheck(Instant dueAt, Instant now) {
        List<Decision> decisions = new ArrayList<>();
        if (dueAt != null && !dueAt.equals(silenceCheckDue)) {
            return decisions;
        }
        silenceCheckDue = null;
        if (!silent) {
            Duration quiet = calendar.openTimeBetween(lastActivityAt, now);
            if (quiet.compareTo(configuration.detection().silence()) < 0) {
                armSilenceCheck(decisions);
                return decisions;
            }
            silent = true;
            silenceStartedAt = lastActivityAt;
            silenceDetectedAt = calendar.afterOpenTime(lastActivityAt, configuration.detection().silence())
                    .orElse(now);
        }
        Evidence fact = new Evidence(null, null, silenceDetectedAt, "no call and no passing health check since "
                + silenceStartedAt + " (" + configuration.detection().silence() + " of business hours)");
        reconcile(now, fact, decisions);
        if (!open.containsKey(IncidentKind.SILENCE)) {
            maintenance.values().stream().filter(w -> w.covers(now)).map(MaintenanceWindow::to)
                    .max(Instant::compareTo).ifPresent(end -> {
                        silenceCheckDue = end;
                        decisions.add(new Decision.ArmSilenceCheck(end));
                    });
        }
        return decisions;
    }

    public void scheduleMaintenance(MaintenanceWindow window) {
        maintenance.put(window.windowId(), window);
    }

    public void cancelMaintenance(String windowId) {
        maintenance.remove(windowId);
    }

    /**
     * An incident of this agent was resolved. If a person did it while the detector still saw the problem, the
     * detector starts over, so only fresh evidence opens (or, within the reopen window, reopens) it again.
     */
    public List<Decision> onIncidentResolved(String incidentId, Instant at) {
        List<Decision> decisions = new ArrayList<>();
        for (Map.Entry<IncidentKind, OpenIncident> entry : open.entrySet()) {
            if (entry.getValue().incidentId.equals(incidentId)) {
                IncidentKind kind = entry.getKey();
                open.remove(kind);
                lastResolved.put(kind, new ResolvedIncident(incidentId, at));
                switch (kind) {
                    case OUTAGE -> outage.reset();
                    case DEGRADED -> degradation.reset();
                    case BUDGET_BURN -> burnHeld = burn.level() != BurnRateDetector.Level.NONE;
                    case SILENCE -> {
                        silent = false;
                        lastActivityAt = lastActivityAt.isAfter(at) ? lastActivityAt : at;
                        armSilenceCheck(decisions);
                    }
                }
                return decisions;
            }
        }
        return decisions;
    }

    /** Whether no new incident may open at {@code at} because of planned maintenance. */
    public boolean inMaintenance(Instant at) {
        return maintenance.values().stream().anyMatch(w -> w.covers(at));
    }

    private void noteActivity(Instant at, List<Decision> decisions) {
        if (lastActivityAt != null && !at.isAfter(lastActivityAt)) {
            return;
        }
        lastActivityAt = at;
        if (silent) {
            silent = false;
            silenceEndedAt = at;
        }
        if (silenceCheckDue == null) {
            armSilenceCheck(decisions);
        }
    }

    private void armSilenceCheck(List<Decision> decisions) {
        if (silenceCheckDue != null || lastActivityAt == null) {
            return;
        }
        calendar.afterOpenTime(lastActivityAt, configuration.detection().silence()).ifPresent(due -> {
            silenceCheckDue = due;
            decisions.add(new Decision.ArmSilenceCheck(due));
        });
    }

    private void reconcile(Instant now, Evidence trigger, List<Decision> decisions) {
        boolean outageActive = outage.inOutage();
        reconcile(IncidentKind.OUTAGE, outageActive, outage.startedAt(), outage.recoveredAt(),
                Severity.CRITICAL, outage.evidence(), now, decisions);

        boolean inhibited = outageActive || open.containsKey(IncidentKind.OUTAGE);
        // a fresh alarm waits for a good call: while calls keep failing back to back, the outage rule decides
        boolean degraded = degradation.degraded()
                && (open.containsKey(IncidentKind.DEGRADED) || !degradationPending);
        reconcile(IncidentKind.DEGRADED, degraded, degradation.startedAt(), degradation.recoveredAt(),
                Severity.ERROR, List.of(trigger), now, inhibited && !open.containsKey(IncidentKind.DEGRADED),
                decisions);

        BurnRateDetector.Level level = burn.level();
        if (burnHeld && level == BurnRateDetector.Level.NONE) {
            burnHeld = false;
        }
        Severity burnSeverity = level == BurnRateDetector.Level.PAGE ? Severity.WARNING : Severity.INFO;
        boolean burning = level != BurnRateDetector.Level.NONE && !burnHeld;
        if (burning || open.containsKey(IncidentKind.BUDGET_BURN)) { // the common case, all quiet, costs nothing
            boolean quietAfterOutage = outage.recoveredAt() != null && now.isBefore(outage.recoveredAt().plus(
                    level == BurnRateDetector.Level.PAGE ? BURN_PAGE_QUIET_AFTER_OUTAGE
                            : BURN_TICKET_QUIET_AFTER_OUTAGE));
            List<Evidence> burnEvidence = List.of(new Evidence(null, SignalKind.CALL, now, String.format(
                    "call-success burn rate %.1fx over 1 h, %.1fx over 5 min (target %s%%)",
                    burn.oneHourBurnRate(), burn.fiveMinuteBurnRate(), configuration.callSuccessTarget())));
            reconcile(IncidentKind.BUDGET_BURN, burning, burnStartedAt, burnEndedAt, burnSeverity, burnEvidence, now,
                    (inhibited || quietAfterOutage) && !open.containsKey(IncidentKind.BUDGET_BURN), decisions);
            OpenIncident incident = open.get(IncidentKind.BUDGET_BURN);
            if (incident != null && incident.severity == Severity.INFO && burnSeverity == Severity.WARNING) {
                incident.severity = Severity.WARNING;
                decisions.add(new Decision.RaiseSeverity(incident.incidentId, Severity.WARNING,
                        "burn rate now pages: " + burnEvidence.get(0).summary()));
            }
        }

        // silence is detected when the quiet time runs out, or, if that was inside maintenance, when it is noticed
        Instant silenceSeen = silent && !inMaintenance(silenceDetectedAt) ? silenceDetectedAt : now;
        reconcile(IncidentKind.SILENCE, silent, silenceStartedAt, silenceEndedAt, Severity.CRITICAL,
                List.of(trigger), silenceSeen, decisions);
    }

    private void reconcile(IncidentKind kind, boolean active, Instant startedAt, Instant recoveredAt,
                           Severity severity, List<Evidence> evidence, Instant now, List<Decision> decisions) {
        reconcile(kind, active, startedAt, recoveredAt, severity, evidence, now, false, decisions);
    }

    private void reconcile(IncidentKind kind, boolean active, Instant startedAt, Instant recoveredAt,
                           Severity severity, List<Evidence> evidence, Instant now, boolean inhibited,
                           List<Decision> decisions) {
        OpenIncident incident = open.get(kind);
        if (active) {
            if (incident == null) {
                if (inhibited || inMaintenance(now)) {
                    return;
                }
                String reason = kind + " detected: " + evidence.get(evidence.size() - 1).summary();
                ResolvedIncident last = lastResolved.get(kind);
                if (last != null && !now.isAfter(last.resolvedAt.plus(configuration.detection().reopenWindow()))) {
                    open.put(kind, new OpenIncident(last.incidentId, severity));
                    decisions.add(new Decision.Reopen(last.incidentId, kind, severity, now,
                            startedAt == null ? now : startedAt, evidence, reason));
                } else {
                    incidentCount++;
                    String incidentId = agentId.value() + "-" + incidentCount;
                    open.put(kind, new OpenIncident(incidentId, severity));
                    decisions.add(new Decision.Open(incidentId, incidentCount, kind, severity, now,
                            startedAt == null ? now : startedAt, evidence, reason));
                }
            } else if (incident.recoveryNoted) {
                incident.recoveryNoted = false;
                decisions.add(new Decision.AddEvidence(incident.incidentId, evidence));
            }
        } else if (incident != null && !incident.recoveryNoted) {
            Instant at = recoveredAt == null ? now : recoveredAt;
            boolean autoResolve = configuration.detection().autoResolve();
            decisions.add(new Decision.Recover(incident.incidentId, kind, at, autoResolve, List.of()));
            if (autoResolve) {
                open.remove(kind);
                lastResolved.put(kind, new ResolvedIncident(incident.incidentId, at));
            } else {
                incident.recoveryNoted = true;
            }
        }
    }

    private void attach(IncidentKind kind, Evidence fact, List<Decision> decisions) {
        OpenIncident incident = open.get(kind);
        if (incident == null || incident.recoveryNoted || incident.attached >= MAX_ATTACHED_EVIDENCE) {
            return;
        }
        boolean alreadyTold = decisions.stream().anyMatch(d -> d instanceof Decision.Open o
                && o.incidentId().equals(incident.incidentId)
                || d instanceof Decision.Reopen r && r.incidentId().equals(incident.incidentId)
                || d instanceof Decision.AddEvidence a && a.incidentId().equals(incident.incidentId));
        if (!alreadyTold) {
            incident.attached++;
            decisions.add(new Decision.AddEvidence(incident.incidentId, List.of(fact)));
        }
    }

    /** An incident this monitor opened and has not seen resolved. */
    static final class OpenIncident {
        final String incidentId;
        Severity severity;
        boolean recoveryNoted;
        int attached;

        OpenIncident(String incidentId, Severity severity) {
            this.incidentId = incidentId;
            this.severity = severity;
        }
    }

    /** The last resolved incident of a kind, for the reopen window. */
    record ResolvedIncident(String incidentId, Instant resolvedAt) {
    }
}
