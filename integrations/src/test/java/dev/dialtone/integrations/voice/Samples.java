package dev.dialtone.integrations.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The platforms' documented samples, copied into test resources under {@code voice/}. */
final class Samples {

    static final ObjectMapper JSON = new ObjectMapper();

    private Samples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/voice/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource voice/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static JsonNode json(String name) {
        return json(bytes(name));
    }

    static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON written in the test itself, split over several strings for readability. */
    static JsonNode inline(String... parts) {
        return json(String.join("", parts).getBytes(StandardCharsets.UTF_8));
    }

    /** Distinct, non-blank lines in file order (Vapi's enum file repeats some values). */
    static List<String> lines(String name) {
        return text(name).lines().map(String::trim).filter(line -> !line.isEmpty()).distinct().toList();
    }

    /** An application/x-www-form-urlencoded body, decoded as a servlet or WebFlux would, in arrival order. */
    static Map<String, String> form(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : encoded.trim().split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }
}
