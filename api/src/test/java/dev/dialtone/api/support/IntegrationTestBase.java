package dev.dialtone.api.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts the whole application once per test JVM, on the real embedded PostgreSQL and an in-memory
 * MongoDB-wire server, and drives it over HTTP like a client would. Tests share it, so each uses its own agent ids.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dialtone.embedded.mongo-backend=memory",
        // a graceful Netty shutdown sometimes outlasts surefire's 30 s exit timeout, which then kills the JVM
        // before the embedded PostgreSQL is stopped
        "server.shutdown=immediate",
        "logging.level.dev.dialtone=INFO"})
public abstract class IntegrationTestBase {

    private static final Path DATA_DIR = createDataDir();

    @Autowired
    protected WebTestClient http;

    @DynamicPropertySource
    static void dataDirAndKeys(DynamicPropertyRegistry registry) {
        registry.add("dialtone.data-dir", DATA_DIR::toString);
        for (String property : TestKeys.properties()) {
            String[] kv = property.split("=", 2);
            registry.add(kv[0], () -> kv[1]);
        }
        FakeIntegrations.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    protected WebTestClient as(String key) {
        return http.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .build();
    }

    protected WebTestClient.ResponseSpec put(String key, String path, String json) {
        return as(key).put().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    protected WebTestClient.ResponseSpec post(String key, String path, String json) {
        return as(key).post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    protected WebTestClient.ResponseSpec get(String key, String path) {
        return as(key).get().uri(path).exchange();
    }

    /** Under {@code target/}, so {@code mvn clean} removes what the tests stored. */
    static Path createDataDir() {
        try {
            Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(Path.of("target"), "it-data-").toAbsolutePath();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
