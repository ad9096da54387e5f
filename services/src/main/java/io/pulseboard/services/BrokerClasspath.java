package io.pulseboard.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The class path of the Kafka broker JVM: this module's runtime jars, written by maven-dependency-plugin at build
 * time into the resource {@code runtime.classpath} as absolute paths in the local Maven repository. Reading a
 * resource works the same from target/classes, from the installed jar on another module's test class path and
 * from a runnable jar that bundles this module, none of which has the broker's jars on its own class path.
 */
final class BrokerClasspath {

    static final String RESOURCE = "runtime.classpath";

    private BrokerClasspath() {
    }

    static String load() {
        String classpath = read().strip();
        List<String> missing = Arrays.stream(classpath.split(java.io.File.pathSeparator))
                .filter(jar -> !Files.isRegularFile(Path.of(jar)))
                .toList();
        if (classpath.isEmpty() || !missing.isEmpty()) {
            throw new IllegalStateException("the Kafka broker's jars are missing " + missing
                    + ": rebuild pulseboard-services on this machine (mvn -pl services install)");
        }
        return classpath;
    }

    private static String read() {
        try (InputStream in = BrokerClasspath.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " not found next to "
                        + BrokerClasspath.class.getName() + ": build pulseboard-services with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
