package dev.dialtone.bench.sim;

import dev.dialtone.api.DialtoneApplication;
import dev.dialtone.bench.BenchSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.nio.file.Path;

/**
 * Dialtone in this JVM on a fresh data directory, started as the benchmarks start it ({@link BenchSupport#start}),
 * with the benchmarks' operator key for tenant {@code bench}. Spring's own shutdown hook is off: the simulator closes
 * the application itself after its summary, so Ctrl-C does not pull the server
 * away from batches still being acknowledged.
 */
final class EmbeddedDialtone {

    private EmbeddedDialtone() {
    }

    static ConfigurableApplicationContext start(Path dataDir) {
        return BenchSupport.start(new SpringApplicationBuilder(DialtoneApplication.class).registerShutdownHook(false),
                dataDir);
    }

    static URI url(ConfigurableApplicationContext app) {
        return URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port"));
    }
}
