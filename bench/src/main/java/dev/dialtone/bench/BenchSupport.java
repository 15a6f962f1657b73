package dev.dialtone.bench;

import dev.dialtone.api.DialtoneApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the benchmarks share: arguments, a Dialtone on a fresh data directory, and authenticated HTTP calls. */
public final class BenchSupport {

    public static final String KEY = "bench-operator-key-0000000000000";

    private BenchSupport() {
    }

    public static int intArg(String[] args, String name, int fallback) {
        String value = stringArg(args, name, null);
        return value == null ? fallback : Integer.parseInt(value);
    }

    public static String stringArg(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return arg.substring(name.length() + 1);
            }
        }
        return fallback;
    }

    /** The status code of an authenticated GET. */
    static int status(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + KEY)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Dialtone on its embedded defaults in {@code dataDir}, with one operator key for tenant {@code bench}, on a free
     * port. An {@code extra} {@code --name=value} replaces the default of the same name (Spring would join two values
     * of one option into a list).
     */
    public static ConfigurableApplicationContext start(Path dataDir, String... extra) {
        return start(new SpringApplicationBuilder(DialtoneApplication.class), dataDir, extra);
    }

    /** As {@link #start(Path, String...)}, with the caller's builder (e.g. without Spring's shutdown hook). */
    public static ConfigurableApplicationContext start(SpringApplicationBuilder builder, Path dataDir,
                                                       String... extra) {
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : List.of("--server.port=0", "--dialtone.data-dir=" + dataDir, "--logging.level.root=WARN",
                "--dialtone.api-keys[0].key=" + KEY, "--dialtone.api-keys[0].tenant=bench",
                "--dialtone.api-keys[0].role=operator")) {
            args.put(arg.substring(0, arg.indexOf('=')), arg);
        }
        for (String arg : extra) {
            int eq = arg.indexOf('=');
            args.put(eq < 0 ? arg : arg.substring(0, eq), arg);
        }
        return builder.run(args.values().toArray(String[]::new));
    }

    public static String baseUrl(ConfigurableApplicationContext app) {
        return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    /** Sends a JSON request with the bench key; anything but 2xx is an error. */
    static String send(HttpClient http, String method, String url, String body)
            throws IOException, InterruptedException {
        return send(http, method, url, KEY, body);
    }

    /** Sends a JSON request with {@code key}; anything but 2xx is an error. */
    public static String send(HttpClient http, String method, String url, String key, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(60))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }
}
