package dev.dialtone.integrations.pagerduty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** PagerDuty's documented samples, copied into test resources under {@code pagerduty/}. */
final class PagerDutySamples {

    static final ObjectMapper JSON = new ObjectMapper();

    private PagerDutySamples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = PagerDutySamples.class.getResourceAsStream("/pagerduty/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource pagerduty/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode object(String name) {
        try {
            return (ObjectNode) JSON.readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
