package io.pulseboard.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * A Redis server on 127.0.0.1, in-memory only (no RDB snapshots, no AOF), running in the foreground as a child.
 * {@link #restart()} keeps the port and comes back empty.
 */
public final class RedisProcess extends RestartableServer {

    private static final Logger LOG = LoggerFactory.getLogger(RedisProcess.class);
    static final Path SERVER_BINARY = Path.of("/usr/bin/redis-server");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private final Path workDir;
    private final int port;

    private RedisProcess(Path workDir, int port) {
        super(Duration.ofSeconds(10));
        this.workDir = workDir;
        this.port = port;
    }

    /** Starts redis-server on a free port with {@code workDir} as its directory and waits until PING answers. */
    public static RedisProcess start(Path workDir) throws IOException {
        if (!Files.isExecutable(SERVER_BINARY)) {
            throw new IllegalStateException(SERVER_BINARY + " not found: apt-get install -y redis-server");
        }
        RedisProcess server = new RedisProcess(Files.createDirectories(workDir).toAbsolutePath(), FreePorts.allocate(1)[0]);
        server.launch();
        return server;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    ChildProcess startProcess() throws IOException {
        long started = System.nanoTime();
        Path log = workDir.resolve("redis.log");
        ChildProcess process = ChildProcess.start("Redis", List.of(SERVER_BINARY.toString(),
                "--bind", "127.0.0.1", "--port", Integer.toString(port), "--dir", workDir.toString(),
                "--save", "", "--appendonly", "no", "--daemonize", "no"), workDir, log);
        process.awaitReady(READY_TIMEOUT, this::answersPing, () -> LogTail.of(log, 20));
        LOG.info("Redis ready on {} (PID {}) in {} ms", uri(), process.pid(), (System.nanoTime() - started) / 1_000_000);
        return process;
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int read = in.readNBytes(reply, 0, reply.length);
            return "+PONG\r\n".equals(new String(reply, 0, read, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }
}
