package io.pulseboard.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services every IT talks to. {@code ./pulseboard test} starts them once for the whole run and names their
 * endpoints file in the system property {@value #PROPERTY}; without it (a single test run from the IDE or with
 * plain Maven) the first caller in this JVM starts a {@link ServiceSet} in a temp directory, stopped and removed
 * when the JVM exits.
 */
public final class SharedServices {

    public static final String PROPERTY = "pulseboard.services";
    private static final Logger LOG = LoggerFactory.getLogger(SharedServices.class);

    private static Endpoints endpoints;

    private SharedServices() {
    }

    public static synchronized Endpoints endpoints() {
        if (endpoints == null) {
            endpoints = locate();
        }
        return endpoints;
    }

    private static Endpoints locate() {
        String file = System.getProperty(PROPERTY, "").strip();
        try {
            if (!file.isEmpty()) {
                LOG.info("using the services described in {}", file);
                return Endpoints.read(Path.of(file));
            }
            return startForThisJvm();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot get the services for the tests", e);
        }
    }

    private static Endpoints startForThisJvm() throws IOException {
        Path workDir = Files.createTempDirectory("pulseboard-services-");
        ServiceSet services = ServiceSet.start(workDir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            services.close();
            Directories.deleteRecursively(workDir);
        }, "pulseboard-services-stop"));
        return services.endpoints();
    }
}
