package dev.dialtone.bench;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * The demo's narrator: every line is stamped with the time since the script began, whichever thread prints it, so
 * the script's steps and the pager's deliveries read as one timeline; and waiting for something that the demo
 * promises happens either sees it or fails the run, because the demo doubles as a smoke test.
 */
final class DemoConsole {

    private static final Duration POLL = Duration.ofMillis(100);

    private final long startedNanos = System.nanoTime();

    /** Seconds since the script began. */
    double elapsedSeconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** A line of the timeline: {@code [+00:12] text}. */
    synchronized void say(String text) {
        long seconds = (long) elapsedSeconds();
        System.out.printf("[+%02d:%02d] %s%n", seconds / 60, seconds % 60, text);
        System.out.flush();
    }

    /** A line that belongs to the one above it (details, not events). */
    synchronized void detail(String text) {
        System.out.println("          " + text);
        System.out.flush();
    }

    /** A line without a time stamp (headings, tables, links). */
    synchronized void plain(String text) {
        System.out.println(text);
        System.out.flush();
    }

    /**
     * Polls {@code check} until it returns something other than null, and returns that; a step that does not happen
     * within {@code timeout} fails the demo with {@code what} in the message.
     */
    <T> T await(String what, Duration timeout, Callable<T> check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T result = check.call();
            if (result != null) {
                return result;
            }
            if (System.nanoTime() > deadline) {
                throw new DemoFailedException(what + " did not happen within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** A promised step of the demo did not happen: the run ends with a non-zero exit code. */
    static final class DemoFailedException extends RuntimeException {
        DemoFailedException(String message) {
            super(message);
        }
    }
}
