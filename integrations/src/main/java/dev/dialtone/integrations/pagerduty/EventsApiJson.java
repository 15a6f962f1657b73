package dev.dialtone.integrations.pagerduty;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.github.dikhan.pagerduty.client.events.domain.AcknowledgeIncident;
import com.github.dikhan.pagerduty.client.events.domain.Payload;
import com.github.dikhan.pagerduty.client.events.domain.ResolveIncident;
import org.json.JSONObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Map;

/**
 * The JSON Unirest writes for the dikhan event types, so that the body is exactly the Events API v2 shape. The
 * pagerduty-client's own mapper writes every absent payload field as {@code null}, sends a placeholder payload
 * ({@code "summary":"BLANK"}) with acknowledge and resolve, and drops the seconds of a timestamp that falls on a
 * whole minute ({@code OffsetDateTime.toString()}); this mapper leaves absent fields out, sends no payload with
 * acknowledge and resolve, and always writes seconds.
 */
final class EventsApiJson implements com.mashape.unirest.http.ObjectMapper {

    static final EventsApiJson INSTANCE = new EventsApiJson();

    private static final ObjectMapper DETAILS = new ObjectMapper().registerModule(new SimpleModule()
            .addSerializer(TemporalAccessor.class, ToStringSerializer.instance)
            .addSerializer(TemporalAmount.class, ToStringSerializer.instance));

    private final ObjectMapper mapper = new ObjectMapper()
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
            .addMixIn(AcknowledgeIncident.class, WithoutPayload.class)
            .addMixIn(ResolveIncident.class, WithoutPayload.class)
            .addMixIn(Payload.class, PayloadTimestamp.class)
            .registerModule(new SimpleModule().addSerializer(JSONObject.class, new RawJsonObject()));

    private EventsApiJson() {
    }

    /** Custom details as the {@link JSONObject} the pagerduty-client's payload insists on. */
    static JSONObject customDetails(Map<String, Object> details) {
        try {
            return new JSONObject(DETAILS.writeValueAsString(details));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("custom details cannot be written as JSON: " + e.getOriginalMessage(),
                    e);
        }
    }

    @Override
    public <T> T readValue(String value, Class<T> valueType) {
        try {
            return mapper.readValue(value, valueType);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String writeValue(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @JsonIgnoreProperties({"payload", "images"})
    private abstract static class WithoutPayload {
    }

    private abstract static class PayloadTimestamp {
        @JsonSerialize(using = Rfc3339.class)
        private String timestamp;
    }

    private static final class Rfc3339 extends StdSerializer<String> {

        Rfc3339() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(OffsetDateTime.parse(value).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
    }

    private static final class RawJsonObject extends StdSerializer<JSONObject> {

        RawJsonObject() {
            super(JSONObject.class);
        }

        @Override
        public void serialize(JSONObject value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeRawValue(value.toString());
        }
    }
}
