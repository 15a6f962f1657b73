package dev.dialtone.api.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL server in the data directory, started and stopped with the application.
 * <p>
 * zonky's defaults suit throwaway test databases, not an event store, so this class (1) turns fsync and
 * synchronous_commit back on, so that a commit acknowledged to a client survives a crash; (2) owns shutdown instead
 * of zonky's JVM hook, which could stop PostgreSQL while Spring still writes; and (3) stops a postmaster orphaned
 * by a {@code kill -9} of an earlier JVM, which would otherwise keep the data directory locked forever.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "dialtone";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(60);

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL in {@code dataDir/postgres}.
     *
     * @param durable fsync and synchronous_commit on; only tests that throw their data away may pass false
     */
    public static EmbeddedPostgresServer start(Path dataDir, boolean durable) {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve("dialtone.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("dialtone.data-dir " + dataDir.toAbsolutePath()
                        + " is in use by another running Dialtone; give each process its own data directory");
            }
            Path pgData = dataDir.resolve("postgres");
            // We hold the data-directory lock, so no live Dialtone owns a postmaster running there.
            stopOrphanedPostmaster(pgData);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(120))
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(channel, lock, postgres);
            server.createDatabaseIfMissing();
            log.info("Embedded PostgreSQL running on port {} with data in {} (durable={})",
                    postgres.getPort(), pgData.toAbsolutePath(), durable);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public String user() {
        return "postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    /** The effective value of a server setting, e.g. {@code fsync}; for checks and tests. */
    public String setting(String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW " + name.replaceAll("[^a-z_]", ""))) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read setting " + name, e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + DATABASE, e);
        }
    }

    /**
     * A {@code kill -9} of the JVM leaves the postmaster running (pg_ctl detaches it). Its pid is the first line of
     * {@code postmaster.pid}; ask it for a fast shutdown (SIGINT), which rolls back open transactions and writes a
     * checkpoint, and wait for it to go.
     */
    static void stopOrphanedPostmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (process.isEmpty()) {
            return; // stale pid file: PostgreSQL recovers from its WAL on start
        }
        log.warn("Stopping PostgreSQL (pid {}) orphaned by an earlier Dialtone that did not shut down", pid);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
            process.get().onExit().get(ORPHAN_STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the orphaned postmaster " + pid, e);
        } catch (Exception e) {
            throw new IOException("the orphaned postmaster " + pid + " did not stop within "
                    + ORPHAN_STOP_TIMEOUT.toSeconds() + " s", e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                log.debug("could not release the data-directory lock", e);
            }
        }
    }
}
