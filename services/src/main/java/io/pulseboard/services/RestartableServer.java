package io.pulseboard.services;

import java.io.IOException;
import java.time.Duration;

/**
 * A server process that fault tests can stop and start again on the same ports. Subclasses say how to
 * start the process and when it is ready; stopping and restarting work the same for all of them.
 */
public abstract class RestartableServer implements AutoCloseable {
    private final Duration stopGrace;
    private ChildProcess process;

    RestartableServer(Duration stopGrace) {
        this.stopGrace = stopGrace;
    }

    /** Starts the server process and returns it once it answers. */
    abstract ChildProcess startProcess() throws IOException;

    final synchronized void launch() throws IOException {
        process = startProcess();
    }

    /** PID of the running server (a new one after {@link #restart()}). */
    public synchronized long pid() {
        return process.pid();
    }

    public synchronized boolean isRunning() {
        return process.isAlive();
    }

    /** Stops the server: SIGTERM, then SIGKILL after the grace period. */
    public synchronized void stop() {
        process.stop(stopGrace);
    }

    /** Stops the server if it runs, then starts it again on the same ports. */
    public synchronized void restart() throws IOException {
        stop();
        launch();
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
