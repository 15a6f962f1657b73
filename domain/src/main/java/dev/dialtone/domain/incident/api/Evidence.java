package dev.dialtone.domain.incident.api;

import dev.dialtone.domain.signal.api.SignalKind;

import java.time.Instant;

/**
 * One fact behind an incident, as a responder reads it on the timeline.
 *
 * @param signalId the source id of the signal, or null for facts that are not signals (e.g. a silence)
 * @param summary  e.g. {@code sip-options DOWN: timeout} or {@code inbound call DROPPED: pipeline-error-openai}
 */
public record Evidence(String signalId, SignalKind kind, Instant occurredAt, String summary) {
}
