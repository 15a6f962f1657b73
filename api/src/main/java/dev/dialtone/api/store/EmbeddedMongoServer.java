package dev.dialtone.api.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * An in-process MongoDB-wire-protocol server for the read models, so the embedded default needs nothing installed.
 * The application talks to it over a real socket with the real reactive driver, exactly as it would to MongoDB.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final String connectionString;
    private final CommittingH2Backend onDisk;

    private EmbeddedMongoServer(MongoServer server, String connectionString, CommittingH2Backend onDisk) {
        this.server = server;
        this.connectionString = connectionString;
        this.onDisk = onDisk;
    }

    /** Starts a server keeping its data in {@code dataDir/mongo/projections.mv}. */
    public static EmbeddedMongoServer onDisk(Path dataDir) {
        try {
            Path dir = Files.createDirectories(dataDir.resolve("mongo"));
            Path file = dir.resolve("projections.mv");
            CommittingH2Backend backend = new CommittingH2Backend(file.toString());
            EmbeddedMongoServer server = start(backend, backend);
            log.info("Embedded MongoDB-wire server at {} with data in {}", server.connectionString,
                    file.toAbsolutePath());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + dataDir.resolve("mongo"), e);
        }
    }

    /** Starts a server that keeps nothing; for tests. */
    public static EmbeddedMongoServer inMemory() {
        return start(new MemoryBackend(), null);
    }

    private static EmbeddedMongoServer start(MongoBackend backend, CommittingH2Backend onDisk) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        return new EmbeddedMongoServer(server, server.getConnectionString(), onDisk);
    }

    /**
     * From now on writes are committed only by {@link #commit()} (and by H2's own background commit, about once a
     * second), not after every write command. For a bulk replay, which stores its progress only after a commit: a
     * crash then loses at most writes the replay will make again.
     */
    public void deferCommits() {
        if (onDisk != null) {
            onDisk.deferred = true;
        }
    }

    /** Commits everything written so far. */
    public void commit() {
        if (onDisk != null) {
            onDisk.commit();
        }
    }

    /** Commits everything written so far, and every write command from now on. */
    public void commitEachWrite() {
        if (onDisk != null) {
            onDisk.commit();
            onDisk.deferred = false;
        }
    }

    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    /**
     * H2's MVStore commits in the background about once a second; a {@code kill -9} in that second would lose
     * projection writes whose event-processor token PostgreSQL already holds. Committing after every write command
     * hands the data to the operating system before the processor moves its token on.
     */
    private static final class CommittingH2Backend extends H2Backend {

        private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
                "create", "drop", "dropdatabase", "createindexes", "dropindexes", "renamecollection");

        private volatile boolean deferred;

        CommittingH2Backend(String fileName) {
            super(fileName);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            Document result = super.handleCommand(channel, database, command, query);
            if (!deferred && WRITES.contains(command.toLowerCase(java.util.Locale.ROOT))) {
                commit();
            }
            return result;
        }
    }
}
