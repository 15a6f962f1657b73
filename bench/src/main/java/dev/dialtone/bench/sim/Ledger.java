package dev.dialtone.bench.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Every signal id Dialtone acknowledged with 202, one per line, so a crash drill can compare what the server
 * promised against what it still has after a {@code kill -9}. Buffered and flushed every second (and at the end): the
 * simulator is not the process being killed.
 */
final class Ledger implements AutoCloseable {

    private final Path file;
    private final BufferedWriter writer;
    private long lines;

    Ledger(Path file) throws IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    synchronized void acknowledged(List<String> ids) {
        try {
            for (String id : ids) {
                writer.write(id);
                writer.write('\n');
            }
            lines += ids.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ledger " + file, e);
        }
    }

    synchronized void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush the ledger " + file, e);
        }
    }

    synchronized long lines() {
        return lines;
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
