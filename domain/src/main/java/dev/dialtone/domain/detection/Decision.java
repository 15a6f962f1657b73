package dev.dialtone.domain.detection;

import dev.dialtone.domain.incident.api.Evidence;
import dev.dialtone.domain.incident.api.IncidentKind;
import dev.dialtone.domain.incident.api.Severity;

import java.time.Instant;
import java.util.List;

/** What an {@link AgentMonitor} concluded from a signal; carried out as commands by the detection processor. */
public sealed interface Decision {

    /**
     * A new incident.
     *
     * @param number     the agent's incident counter, which also makes the incident id
     * @param detectedAt event time of the signal that completed the evidence
     * @param startedAt  when the problem began (event time), e.g. the first failure of the run
     */
    record Open(String incidentId, int number, IncidentKind kind, Severity severity, Instant detectedAt,
                Instant startedAt, List<Evidence> evidence, String reason) implements Decision {
    }

    /** A recurrence within the reopen window: the last incident of the kind is reopened instead of a new one. */
    record Reopen(String incidentId, IncidentKind kind, Severity severity, Instant detectedAt, Instant startedAt,
                  List<Evidence> evidence, String reason) implements Decision {
    }

    /** More facts for an open incident. */
    record AddEvidence(String incidentId, List<Evidence> evidence) implements Decision {
    }

    /** A budget-burn ticket became a page. */
    record RaiseSeverity(String incidentId, Severity severity, String reason) implements Decision {
    }

    /**
     * The problem is over (event time {@code recoveredAt}). With {@code autoResolve} the incident is resolved;
     * otherwise the recovery is only noted and a person resolves it.
     */
    record Recover(String incidentId, IncidentKind kind, Instant recoveredAt, boolean autoResolve,
                   List<Evidence> evidence) implements Decision {
    }

    /** Make sure a silence check is scheduled for {@code dueAt} (wall-clock). */
    record ArmSilenceCheck(Instant dueAt) implements Decision {
    }
}
