package io.pulseboard.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code java -cp ... io.pulseboard.services.ServicesMain DIR}: starts ClickHouse, Kafka and Redis in DIR, writes
 * DIR/pids (one server PID a line) and then DIR/endpoints.json, and runs until SIGTERM or Ctrl-C, which stop
 * every server. {@code ./pulseboard test} uses it to share one set of services among all test JVMs.
 */
public final class ServicesMain {

    private ServicesMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: ServicesMain <work dir>");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0])).toAbsolutePath();
        Path endpointsFile = dir.resolve("endpoints.json");
        Path pidsFile = dir.resolve("pids");
        Files.deleteIfExists(endpointsFile);
        Files.deleteIfExists(pidsFile);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Also covers a signal that arrives while a server is still starting and not yet in a ServiceSet.
            stopDescendants();
            stopped.countDown();
        }, "services-stop"));

        long started = System.nanoTime();
        ServiceSet services;
        try {
            services = ServiceSet.start(dir, new ConsoleProgress());
        } catch (RuntimeException | IOException e) {
            System.err.println("services failed to start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Files.writeString(pidsFile, services.pids().stream().map(String::valueOf).collect(Collectors.joining("\n", "", "\n")));
        services.endpoints().write(endpointsFile);
        System.out.printf(Locale.ROOT, "services ready in %.1f s, endpoints in %s%n",
                (System.nanoTime() - started) / 1e9, endpointsFile);
        stopped.await();
    }

    /** SIGTERM to every process this JVM started (and theirs), SIGKILL to those still alive after 10 s. */
    private static void stopDescendants() {
        var children = ProcessHandle.current().children().toList();
        children.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (ProcessHandle child : children) {
            while (child.isAlive() && System.nanoTime() < deadline) {
                ChildProcess.sleep(Duration.ofMillis(50));
            }
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        System.out.println("services stopped");
    }

    private static final class ConsoleProgress implements StartupListener {

        @Override
        public void starting(String service) {
            System.out.print("starting " + service + "... ");
            System.out.flush();
        }

        @Override
        public void ready(String service, String endpoint, long pid, Duration took) {
            System.out.printf(Locale.ROOT, "ready on %s (PID %d) in %.1f s%n", endpoint, pid, took.toMillis() / 1000.0);
        }
    }
}
