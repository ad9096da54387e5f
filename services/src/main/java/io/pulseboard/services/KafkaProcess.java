package io.pulseboard.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka broker (broker and controller in one child JVM) on 127.0.0.1, built from the Maven
 * jars listed in {@link BrokerClasspath}. Log dirs, config and logs live in one work directory.
 * {@link #stop()} and {@link #restart()} keep ports and data, for fault tests.
 */
public final class KafkaProcess extends RestartableServer {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaProcess.class);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> HEAP = List.of("-Xms256m", "-Xmx512m");

    private final Path workDir;
    private final int port;
    private final List<String> javaCommand;

    private KafkaProcess(Path workDir, int port, List<String> javaCommand) {
        super(Duration.ofSeconds(10));
        this.workDir = workDir;
        this.port = port;
        this.javaCommand = javaCommand;
    }

    /** Writes server.properties, formats the log dir with a fresh cluster id, starts the broker and waits for it. */
    public static KafkaProcess start(Path workDir) throws IOException {
        Path dir = Files.createDirectories(workDir).toAbsolutePath();
        int[] ports = FreePorts.allocate(2);
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, KafkaConfig.serverProperties(dir.resolve("data"), ports[0], ports[1]));
        Files.writeString(dir.resolve("log4j2.properties"), KafkaConfig.log4j2Properties(dir.resolve("kafka.log")));
        KafkaProcess broker = new KafkaProcess(dir, ports[0], javaCommand(dir));
        broker.format(properties);
        broker.launch();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    private static List<String> javaCommand(Path dir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(HEAP);
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"));
        command.add("-cp");
        command.add(BrokerClasspath.load());
        return command;
    }

    private void format(Path properties) throws IOException {
        List<String> command = new ArrayList<>(javaCommand);
        command.addAll(List.of("kafka.tools.StorageTool", "format", "--ignore-formatted",
                "--cluster-id", Uuid.randomUuid().toString(), "--config", properties.toString()));
        Path output = workDir.resolve("format.log");
        ChildProcess formatter = ChildProcess.start("Kafka storage format", command, workDir, output);
        int exitCode = formatter.waitFor(FORMAT_TIMEOUT);
        if (exitCode != 0) {
            throw new IllegalStateException("formatting the Kafka log dir failed with exit code " + exitCode + "\n"
                    + LogTail.of(output, 20));
        }
    }

    @Override
    ChildProcess startProcess() {
        long started = System.nanoTime();
        List<String> command = new ArrayList<>(javaCommand);
        command.addAll(List.of("kafka.Kafka", workDir.resolve("server.properties").toString()));
        ChildProcess process;
        try {
            process = ChildProcess.start("Kafka", command, workDir, workDir.resolve("stdout.log"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Kafka broker JVM", e);
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200))) {
            process.awaitReady(READY_TIMEOUT, () -> answersDescribeCluster(admin),
                    () -> LogTail.of(workDir.resolve("kafka.log"), 20) + "\n" + LogTail.of(workDir.resolve("stdout.log"), 10));
        }
        LOG.info("Kafka ready on {} (PID {}) in {} ms", bootstrapServers(), process.pid(),
                (System.nanoTime() - started) / 1_000_000);
        return process;
    }

    private static boolean answersDescribeCluster(Admin admin) {
        try {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                    .nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }
}
