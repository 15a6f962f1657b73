package dev.dialtone.api.signal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialtone.api.web.FieldError;
import dev.dialtone.api.web.Fields;
import dev.dialtone.api.web.InvalidRequestException;
import dev.dialtone.domain.Slugs;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.signal.api.AgentSignal;
import dev.dialtone.domain.signal.api.CallDirection;
import dev.dialtone.domain.signal.api.CallOutcome;
import dev.dialtone.domain.signal.api.CallOutcomeRecordedEvent;
import dev.dialtone.domain.signal.api.FailoverActionKind;
import dev.dialtone.domain.signal.api.FailoverActionRecordedEvent;
import dev.dialtone.domain.signal.api.HealthCheckRecordedEvent;
import dev.dialtone.domain.signal.api.HealthStatus;
import dev.dialtone.domain.signal.api.SignalKind;
import dev.dialtone.domain.tenancy.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a signal request body: one object, or an array of up to {@link #MAX_BATCH} objects. The batch is checked
 * whole and every problem is reported with its item index ({@code [3].occurredAt}).
 */
final class SignalRequests {

    static final int MAX_BATCH = 1000;
    /** Clocks drift; a signal from further in the future than this is a misconfigured source, not a fact. */
    static final Duration MAX_FUTURE_SKEW = Duration.ofMinutes(5);
    static final String SOURCE = "api";

    private SignalRequests() {
    }

    /**
     * Parses every item, collecting all problems; throws only when the body's shape is wrong as a whole (empty or
     * oversized batch). Item problems stay in the returned batch so unknown agents can be reported alongside.
     */
    static SignalBatch parse(SignalKind kind, TenantId tenant, JsonNode body, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        List<AgentSignal> signals = new ArrayList<>();
        List<AgentId> agentIds = new ArrayList<>();
        if (body.isArray()) {
            if (body.isEmpty()) {
                throw new InvalidRequestException("(body)", "the batch is empty; send at least one signal");
            }
            if (body.size() > MAX_BATCH) {
                throw new InvalidRequestException("(body)", "the batch has " + body.size()
                        + " signals; send at most " + MAX_BATCH + " per request");
            }
            for (int i = 0; i < body.size(); i++) {
                Fields item = Fields.of(body.get(i), "[" + i + "]", errors);
                agentIds.add(agentId(item));
                signals.add(parseOne(kind, tenant, agentIds.get(i), item, now));
            }
        } else {
            Fields item = Fields.of(body, "", errors);
            agentIds.add(agentId(item));
            signals.add(parseOne(kind, tenant, agentIds.get(0), item, now));
        }
        return new SignalBatch(body.isArray(), signals, agentIds, errors);
    }

    /** The signal, or null if any of its fields is wrong (the problems are in {@code f}'s error list). */
    private static AgentSignal parseOne(SignalKind kind, TenantId tenant, AgentId agentId, Fields f, Instant now) {
        int before = f.errors().size();
        String id = f.requiredText("id", Fields.MAX_ID_LENGTH);
        Instant occurredAt = f.requiredInstant("occurredAt");
        if (occurredAt != null && occurredAt.isAfter(now.plus(MAX_FUTURE_SKEW))) {
            f.reject("occurredAt", "is more than " + MAX_FUTURE_SKEW.toMinutes()
                    + " minutes in the future; check the sender's clock");
        }
        return switch (kind) {
            case CALL -> {
                String callId = f.optionalText("callId", Fields.MAX_ID_LENGTH);
                CallDirection direction = f.optionalEnum("direction", CallDirection.class, CallDirection.INBOUND);
                CallOutcome outcome = f.requiredEnum("outcome", CallOutcome.class);
                Double duration = f.number("durationSeconds", 0, 7 * 24 * 3600, null);
                String reason = f.optionalText("reason", Fields.MAX_TEXT_LENGTH);
                yield complete(f, before, agentId) ? new CallOutcomeRecordedEvent(id, tenant, agentId, callId == null ? id : callId,
                        occurredAt, direction, outcome, duration, reason, SOURCE) : null;
            }
            case HEALTH_CHECK -> {
                String check = f.requiredText("check", Fields.MAX_ID_LENGTH);
                HealthStatus status = f.requiredEnum("status", HealthStatus.class);
                Long latency = f.integer("latencyMs", 0, Long.MAX_VALUE, null);
                String detail = f.optionalText("detail", Fields.MAX_TEXT_LENGTH);
                yield complete(f, before, agentId) ? new HealthCheckRecordedEvent(id, tenant, agentId, check, occurredAt, status,
                        latency, detail, SOURCE) : null;
            }
            case FAILOVER_ACTION -> {
                FailoverActionKind action = f.requiredEnum("action", FailoverActionKind.class);
                String target = f.optionalText("target", Fields.MAX_ID_LENGTH);
                String initiatedBy = f.optionalText("initiatedBy", Fields.MAX_ID_LENGTH);
                yield complete(f, before, agentId) ? new FailoverActionRecordedEvent(id, tenant, agentId, occurredAt, action, target,
                        initiatedBy, SOURCE) : null;
            }
        };
    }

    private static boolean complete(Fields f, int errorsBefore, AgentId agentId) {
        return agentId != null && f.errors().size() == errorsBefore;
    }

    private static AgentId agentId(Fields f) {
        String value = f.requiredText("agentId", Fields.MAX_ID_LENGTH);
        if (value != null && !Slugs.isSlug(value)) {
            f.reject("agentId", "must be an agent id: lowercase letters, digits and '-'");
            return null;
        }
        return value == null ? null : new AgentId(value);
    }
}
