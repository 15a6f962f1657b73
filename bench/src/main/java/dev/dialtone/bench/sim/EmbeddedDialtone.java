package dev.dialtone.bench.sim;

import dev.dialtone.api.DialtoneApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.nio.file.Path;

/**
 * Dialtone in this JVM on a fresh data directory, with the benchmarks' operator key for tenant {@code bench}, as
 * {@code BenchSupport.start} does (which is package-private to {@code dev.dialtone.bench}). Spring's own shutdown
 * hook is off: the simulator closes the application itself after its summary, so Ctrl-C does not pull the server
 * away from batches still being acknowledged.
 */
final class EmbeddedDialtone {

    private EmbeddedDialtone() {
    }

    static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(DialtoneApplication.class)
                .registerShutdownHook(false)
                .run("--server.port=0", "--dialtone.data-dir=" + dataDir, "--logging.level.root=WARN",
                        "--dialtone.api-keys[0].key=" + SimulatorOptions.BENCH_KEY,
                        "--dialtone.api-keys[0].tenant=bench", "--dialtone.api-keys[0].role=operator");
    }

    static URI url(ConfigurableApplicationContext app) {
        return URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port"));
    }
}
