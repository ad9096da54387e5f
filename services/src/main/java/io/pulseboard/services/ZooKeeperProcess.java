package io.pulseboard.services;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone ZooKeeper (Debian's 3.8, {@code apt-get install -y zookeeper}) on 127.0.0.1, started without
 * systemd as a plain JVM: what a replicated ClickHouse cluster needs for replication and ON CLUSTER DDL.
 */
public final class ZooKeeperProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperProcess.class);
    private static final Path JAR = Path.of("/usr/share/java/zookeeper.jar");
    // the jar's manifest names its other dependencies; the SLF4J binding is ours to choose
    private static final Path LOG_BINDING = Path.of("/usr/share/java/slf4j-simple.jar");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final Path workDir;
    private final int port;
    private final ChildProcess process;

    private ZooKeeperProcess(Path workDir, int port, ChildProcess process) {
        this.workDir = workDir;
        this.port = port;
        this.process = process;
    }

    /** Writes zoo.cfg into {@code workDir}, starts the server and waits until it serves clients. */
    public static ZooKeeperProcess start(Path workDir) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " not found: apt-get install -y zookeeper");
        }
        Path dir = workDir.toAbsolutePath();
        Files.createDirectories(dir.resolve("data"));
        int port = FreePorts.allocate(1)[0];
        // a short tick keeps session timeouts (2-20 ticks) small for tests; the admin web server is not needed
        Files.writeString(dir.resolve("zoo.cfg"), """
                tickTime=500
                initLimit=10
                syncLimit=5
                dataDir=%s
                clientPort=%d
                clientPortAddress=127.0.0.1
                maxClientCnxns=0
                admin.enableServer=false
                4lw.commands.whitelist=srvr
                """.formatted(dir.resolve("data"), port));
        long started = System.nanoTime();
        ChildProcess process = ChildProcess.start("ZooKeeper", List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms64m", "-Xmx128m",
                "-cp", JAR + ":" + LOG_BINDING, "org.apache.zookeeper.server.ZooKeeperServerMain",
                dir.resolve("zoo.cfg").toString()), dir, dir.resolve("stdout.log"));
        ZooKeeperProcess zookeeper = new ZooKeeperProcess(dir, port, process);
        process.awaitReady(READY_TIMEOUT, zookeeper::serves,
                () -> LogTail.of(dir.resolve("stdout.log"), 20, line -> true));
        LOG.info("ZooKeeper ready on 127.0.0.1:{} (PID {}) in {} ms", port, process.pid(),
                (System.nanoTime() - started) / 1_000_000);
        return zookeeper;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path workDir() {
        return workDir;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(10));
    }

    /**
     * {@code srvr} names the server's mode once it serves sessions. {@code ruok} answers earlier, while the
     * server still closes client handshakes: a ClickHouse server connecting then fails its first session,
     * and its distributed DDL thread waits before trying again.
     */
    private boolean serves() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            socket.getOutputStream().write("srvr".getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).contains("Mode: ");
        } catch (IOException e) {
            return false;
        }
    }
}
