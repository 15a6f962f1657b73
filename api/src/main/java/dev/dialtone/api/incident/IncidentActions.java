package dev.dialtone.api.incident;

import dev.dialtone.domain.ConflictException;
import dev.dialtone.domain.incident.api.AcknowledgeIncidentCommand;
import dev.dialtone.domain.incident.api.EscalateIncidentCommand;
import dev.dialtone.domain.incident.api.IncidentId;
import dev.dialtone.domain.incident.api.IncidentNotFoundException;
import dev.dialtone.domain.incident.api.ResolveIncidentCommand;
import dev.dialtone.domain.tenancy.TenantId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Responder actions that arrive from outside the REST API (Slack buttons and commands, PagerDuty webhooks), with the
 * answer each of those wants: done, nothing to do (and why), or no such incident. Blocking.
 */
@Component
public class IncidentActions {

    private final CommandGateway commands;
    private final Clock clock = Clock.systemUTC();

    public IncidentActions(CommandGateway commands) {
        this.commands = commands;
    }

    /** How an action went; {@code detail} says why nothing changed. */
    public record Outcome(Result result, String detail) {

        public static Outcome done() {
            return new Outcome(Result.DONE, null);
        }
    }

    /** Done, refused as pointless (already acknowledged, resolved...), or not found for this caller. */
    public enum Result {
        DONE, UNCHANGED, NOT_FOUND
    }

    /** {@code tenant} null: any tenant's incident (a system-wide integration such as PagerDuty). */
    public Outcome acknowledge(IncidentId id, TenantId tenant, String by) {
        return run(id, () -> commands.sendAndWait(new AcknowledgeIncidentCommand(id, tenant, by, clock.instant())));
    }

    public Outcome resolve(IncidentId id, TenantId tenant, String by, String note) {
        return run(id, () -> commands.sendAndWait(new ResolveIncidentCommand(id, tenant, by, note, false, null,
                clock.instant())));
    }

    public Outcome escalate(IncidentId id, TenantId tenant, String by) {
        return run(id, () -> commands.sendAndWait(new EscalateIncidentCommand(id, tenant, by, null,
                clock.instant())));
    }

    private static Outcome run(IncidentId id, Runnable command) {
        try {
            command.run();
            return Outcome.done();
        } catch (ConflictException e) {
            return new Outcome(Result.UNCHANGED, e.getMessage());
        } catch (IncidentNotFoundException | AggregateNotFoundException e) {
            return new Outcome(Result.NOT_FOUND, "no incident '" + id.value() + "'");
        }
    }
}
