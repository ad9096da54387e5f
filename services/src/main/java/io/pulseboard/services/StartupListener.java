package io.pulseboard.services;

import java.time.Duration;

/** Told about each service of a {@link ServiceSet} as it starts, for progress output. */
public interface StartupListener {

    void starting(String service);

    void ready(String service, String endpoint, long pid, Duration took);
}
