package io.pulseboard.services;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stops a process the way Kubernetes stops a container: SIGTERM, then SIGKILL after a grace period. */
public final class ProcessTermination {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessTermination.class);
    private static final Duration AFTER_SIGKILL = Duration.ofSeconds(10);

    private ProcessTermination() {
    }

    /**
     * SIGTERM, then SIGKILL when the process has not exited after {@code grace}; waits until it is gone.
     *
     * @return false only if the process outlived SIGKILL too
     */
    public static boolean terminate(ProcessHandle handle, String name, Duration grace) {
        if (!handle.isAlive()) {
            return true;
        }
        handle.destroy();
        if (waitForExit(handle, grace)) {
            return true;
        }
        LOG.warn("{} (PID {}) did not stop within {} s of SIGTERM, sending SIGKILL", name, handle.pid(), grace.toSeconds());
        handle.destroyForcibly();
        return waitForExit(handle, AFTER_SIGKILL);
    }

    private static boolean waitForExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }
}
