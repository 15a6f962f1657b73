package dev.dialtone.integrations.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Slack's documented samples under {@code slack/}, and Block Kit as the SDK puts it on the wire. */
final class SlackSamples {

    static final ObjectMapper JSON = new ObjectMapper();

    private SlackSamples() {
    }

    static String text(String name) {
        try (InputStream in = SlackSamples.class.getResourceAsStream("/slack/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource slack/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The blocks serialised by the SDK's own Gson, exactly as chat.postMessage sends them. */
    static JsonNode blocksJson(SlackMessage message) {
        return json(GsonFactory.createSnakeCase().toJson(message.blocks()));
    }
}
