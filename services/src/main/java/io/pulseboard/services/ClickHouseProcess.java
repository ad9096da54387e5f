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
 * A ClickHouse server (Debian's 18.16) on 127.0.0.1 with its data, config and logs in one work directory.
 * It runs as root without complaint. {@link #stop()} and {@link #restart()} keep ports and data, for fault tests.
 */
public final class ClickHouseProcess extends RestartableServer {

    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseProcess.class);
    static final Path SERVER_BINARY = Path.of("/usr/sbin/clickhouse-server");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final Path workDir;
    private final int httpPort;
    private final int tcpPort;

    private ClickHouseProcess(Path workDir, int httpPort, int tcpPort) {
        // Kafka engine tables with several consumers need 13-18 s to stop cleanly.
        super(Duration.ofSeconds(30));
        this.workDir = workDir;
        this.httpPort = httpPort;
        this.tcpPort = tcpPort;
    }

    /** Writes config.xml and users.xml into {@code workDir}, starts the server and waits until /ping answers. */
    public static ClickHouseProcess start(Path workDir) throws IOException {
        int[] ports = FreePorts.allocate(2);
        return start(workDir, ports[0], ports[1], "");
    }

    /** A server on the given ports with {@code extraXml} added to its config.xml (a cluster member's sections). */
    static ClickHouseProcess start(Path workDir, int httpPort, int tcpPort, String extraXml) throws IOException {
        if (!Files.isExecutable(SERVER_BINARY)) {
            throw new IllegalStateException(SERVER_BINARY + " not found: apt-get install -y clickhouse-server clickhouse-client");
        }
        Files.createDirectories(workDir);
        ClickHouseProcess server = new ClickHouseProcess(workDir.toAbsolutePath(), httpPort, tcpPort);
        Files.writeString(server.workDir.resolve("config.xml"),
                ClickHouseConfig.serverXml(server.workDir, httpPort, tcpPort, extraXml));
        Files.writeString(server.workDir.resolve("users.xml"), ClickHouseConfig.usersXml());
        server.launch();
        return server;
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public int tcpPort() {
        return tcpPort;
    }

    @Override
    ChildProcess startProcess() throws IOException {
        long started = System.nanoTime();
        ChildProcess process = ChildProcess.start("ClickHouse", List.of(SERVER_BINARY.toString(),
                "--config-file=" + workDir.resolve("config.xml")), workDir, workDir.resolve("stdout.log"));
        process.awaitReady(READY_TIMEOUT, this::answersPing,
                () -> LogTail.of(workDir.resolve("error.log"), 20, ClickHouseProcess::isNotStackFrame));
        LOG.info("ClickHouse ready on {} (PID {}) in {} ms", httpUrl(), process.pid(),
                (System.nanoTime() - started) / 1_000_000);
        return process;
    }

    /**
     * GET /ping over HTTP/1.0 on a plain socket: the connection closes after the answer. An idle keep-alive
     * connection (what java.net.http would leave behind) holds up the server's SIGTERM shutdown.
     */
    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", httpPort), 500);
            socket.setSoTimeout(1000);
            socket.getOutputStream().write("GET /ping HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            return response.startsWith("HTTP/1.0 200") && response.endsWith("Ok.\n");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * True when a GET of {@code sql} (URL-encoded here) answers 200, over HTTP/1.0 like {@link #answersPing}.
     * For readiness checks beyond /ping, such as a cluster member's ZooKeeper session.
     */
    boolean answers(String sql) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", httpPort), 500);
            socket.setSoTimeout(5000);
            String query = java.net.URLEncoder.encode(sql, StandardCharsets.UTF_8);
            socket.getOutputStream().write(("GET /?query=" + query + " HTTP/1.0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
                    .startsWith("HTTP/1.0 200");
        } catch (IOException e) {
            return false;
        }
    }

    // 18.16 writes a numbered stack trace after every error; the error lines themselves say more.
    private static boolean isNotStackFrame(String line) {
        return !line.matches("^\\d+\\. .*");
    }
}
