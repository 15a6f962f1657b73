package dev.dialtone.integrations.pagerduty;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagerDutyWebhooksTest {

    private static ObjectNode docSample(String eventType, String status) {
        ObjectNode body = PagerDutySamples.object("webhook-v3_incident.priority_updated_overview-doc.json");
        event(body).put("event_type", eventType);
        data(body).put("status", status);
        return body;
    }

    private static ObjectNode event(ObjectNode body) {
        return (ObjectNode) body.get("event");
    }

    private static ObjectNode data(ObjectNode body) {
        return (ObjectNode) event(body).get("data");
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsAnAcknowledgement() {
        byte[] body = PagerDutySamples.bytes(docSample("incident.acknowledged", "acknowledged"));

        PagerDutyIncidentChange change = PagerDutyWebhooks.parse(body).orElseThrow();

        assertThat(change).isEqualTo(new PagerDutyIncidentChange(
                "5ac64822-4adc-4fda-ade0-410becf0de4f",
                PagerDutyWebhooks.ACKNOWLEDGED,
                Instant.parse("2020-10-02T18:45:22.169Z"),
                "PGR0VU2",
                "d3640fbd41094207a1c11e58e46b1662",
                "Tenex Engineer",
                "https://acme.pagerduty.com/incidents/PGR0VU2"));
    }

    @Test
    void readsAResolutionWithoutAnAgent() {
        ObjectNode body = docSample("incident.resolved", "resolved");
        event(body).putNull("agent");

        PagerDutyIncidentChange change = PagerDutyWebhooks.parse(PagerDutySamples.bytes(body)).orElseThrow();

        assertThat(change.eventType()).isEqualTo(PagerDutyWebhooks.RESOLVED);
        assertThat(change.pagerDutyIncidentId()).isEqualTo("PGR0VU2");
        assertThat(change.incidentKey()).isEqualTo("d3640fbd41094207a1c11e58e46b1662");
        assertThat(change.actor()).isNull();
    }

    @Test
    void anIncidentWithoutAKeyStillCounts() {
        ObjectNode body = PagerDutySamples.object("webhook-v3_signature-vector_go-pagerduty.body.json");
        event(body).put("event_type", "incident.acknowledged");

        PagerDutyIncidentChange change = PagerDutyWebhooks.parse(PagerDutySamples.bytes(body)).orElseThrow();

        assertThat(change.pagerDutyIncidentId()).isEqualTo("PGR0VU2");
        assertThat(change.incidentKey()).isNull();
        assertThat(change.eventId()).isEqualTo("01BWDWL3NYY7LUFPZCC28QUCMK");
    }

    @Test
    void anUnreadableTimeIsLeftOutRatherThanRefused() {
        ObjectNode body = docSample("incident.resolved", "resolved");
        event(body).put("occurred_at", "yesterday");

        assertThat(PagerDutyWebhooks.parse(PagerDutySamples.bytes(body)).orElseThrow().occurredAt()).isNull();
    }

    @Test
    void theDocumentedSampleIsNotAChangeDialtoneActsOn() {
        assertThat(PagerDutyWebhooks.parse(
                PagerDutySamples.bytes("webhook-v3_incident.priority_updated_overview-doc.json"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"incident.triggered", "incident.annotated", "incident.escalated",
            "incident.unacknowledged", "incident.reopened", "service.updated", "something.new"})
    void otherEventTypesAreNotChanges(String eventType) {
        assertThat(PagerDutyWebhooks.parse(PagerDutySamples.bytes(docSample(eventType, "triggered")))).isEmpty();
    }

    @Test
    void aPingIsNotAChange() {
        byte[] ping = utf8("""
                {"event": {"id": "01CWC8VXGG4M8CKM9QBHWZBQKC", "event_type": "pagey.ping", "resource_type": "pagey",
                 "occurred_at": "2021-03-10T18:00:00.000Z", "agent": null, "client": null,
                 "data": {"message": "Hello from your friend Pagey!", "type": "ping"}}}""");

        assertThat(PagerDutyWebhooks.parse(ping)).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() {
        assertThatThrownBy(() -> PagerDutyWebhooks.parse(utf8("event_type=incident.resolved")))
                .isInstanceOf(MalformedPagerDutyWebhookException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> PagerDutyWebhooks.parse(utf8("[{\"event\": {}}]")))
                .isInstanceOf(MalformedPagerDutyWebhookException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> PagerDutyWebhooks.parse(new byte[0]))
                .isInstanceOf(MalformedPagerDutyWebhookException.class).hasMessageContaining("empty");
    }

    @Test
    void aBodyWithoutTheEventEnvelopeIsMalformed() {
        assertThatThrownBy(() -> PagerDutyWebhooks.parse(utf8("{\"messages\": []}")))
                .isInstanceOf(MalformedPagerDutyWebhookException.class).hasMessageContaining("'event'");
        assertThatThrownBy(() -> PagerDutyWebhooks.parse(utf8("{\"event\": \"incident.resolved\"}")))
                .isInstanceOf(MalformedPagerDutyWebhookException.class).hasMessageContaining("'event'");
    }

    @Test
    void anEventWithoutATypeIsMalformed() {
        ObjectNode body = docSample("incident.resolved", "resolved");
        event(body).remove("event_type");

        assertThatThrownBy(() -> PagerDutyWebhooks.parse(PagerDutySamples.bytes(body)))
                .isInstanceOf(MalformedPagerDutyWebhookException.class).hasMessageContaining("event.event_type");
    }

    @Test
    void anAcknowledgementOrResolutionWithoutAnIncidentIdIsMalformed() {
        ObjectNode withoutId = docSample("incident.acknowledged", "acknowledged");
        data(withoutId).remove("id");
        ObjectNode withoutData = docSample("incident.resolved", "resolved");
        event(withoutData).remove("data");

        assertThatThrownBy(() -> PagerDutyWebhooks.parse(PagerDutySamples.bytes(withoutId)))
                .isInstanceOf(MalformedPagerDutyWebhookException.class)
                .hasMessage("incident.acknowledged webhook without 'event.data.id'");
        assertThatThrownBy(() -> PagerDutyWebhooks.parse(PagerDutySamples.bytes(withoutData)))
                .isInstanceOf(MalformedPagerDutyWebhookException.class).hasMessageContaining("event.data.id");
    }
}
