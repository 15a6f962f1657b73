package dev.dialtone.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Dialtone's REST API as the demo's user calls it: with the demo tenant's key, JSON in and out. */
final class DemoApi {

    /** An answer whose status the caller judges. */
    record Answer(int status, String contentType, String body) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;
    private final String key;

    DemoApi(String base, String key) {
        this.base = base;
        this.key = key;
    }

    String base() {
        return base;
    }

    /** A JSON request with the key; anything but 2xx fails the demo with Dialtone's answer in the message. */
    JsonNode call(String method, String path, String body) throws Exception {
        Answer answer = send(method, path, body, "application/json", true);
        if (answer.status() / 100 != 2) {
            throw new DemoConsole.DemoFailedException(method + " " + path + " answered " + answer.status() + ": "
                    + answer.body());
        }
        return answer.body().isEmpty() ? json.nullNode() : json.readTree(answer.body());
    }

    /** PUTs a configuration; the status tells created (201) from replaced (200). */
    int put(String path, String body) throws Exception {
        Answer answer = send("PUT", path, body, "application/json", true);
        if (answer.status() / 100 != 2) {
            throw new DemoConsole.DemoFailedException("PUT " + path + " answered " + answer.status() + ": "
                    + answer.body());
        }
        return answer.status();
    }

    JsonNode get(String path) throws Exception {
        return call("GET", path, null);
    }

    /** Any request, with or without the key, for the links the demo checks before it prints them. */
    Answer send(String method, String pathOrUrl, String body, String accept, boolean withKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl
                        : base + pathOrUrl))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", accept)
                .timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (withKey) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }
}
