package io.pulseboard.services;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server process started by this JVM: output goes to a file (a pipe nobody reads would block it), it runs
 * in its own session so a Ctrl-C in the terminal reaches only the parent, which then stops it in order.
 */
final class ChildProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final String name;
    private final Process process;

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /** Starts {@code command} under setsid in {@code workDir}, appending stdout and stderr to {@code output}. */
    static ChildProcess start(String name, List<String> command, Path workDir, Path output) throws IOException {
        List<String> full = new ArrayList<>(command.size() + 1);
        // Not a process group leader when started from Java, so setsid execs in place: the PID is the server's.
        full.add("setsid");
        full.addAll(command);
        Process process = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        LOG.debug("{} started with PID {}: {}", name, process.pid(), full);
        return new ChildProcess(name, process);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Polls {@code probe} until it answers true. Fails early when the process dies, and with
     * {@code diagnostics} (usually the tail of its log) in the message when it does not get ready in time.
     */
    void awaitReady(Duration timeout, BooleanSupplier probe, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (probe.getAsBoolean()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it was ready\n" + diagnostics.get());
            }
            if (System.nanoTime() > deadline) {
                stop(Duration.ofSeconds(5));
                throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s\n"
                        + diagnostics.get());
            }
            sleep(POLL_INTERVAL);
        }
    }

    /** Waits for a short-lived process (a tool run) to exit and returns its exit code; kills it after {@code timeout}. */
    int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(Duration.ofSeconds(1));
                throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** SIGTERM, then SIGKILL when the process has not exited after {@code grace}. Waits until it is gone. */
    void stop(Duration grace) {
        if (!ProcessTermination.terminate(process.toHandle(), name, grace)) {
            throw new IllegalStateException(name + " (PID " + pid() + ") survived SIGKILL");
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
