package io.pulseboard.ingest;

import io.pulseboard.api.pipeline.IngestPipeline;
import io.pulseboard.api.pipeline.PipelineJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The packaged worker as a child JVM, started the way the local runner and the image start it (env and a
 * mounted ingest.json), so tests can kill it for real: SIGKILL leaves no chance to flush or commit.
 */
final class WorkerProcess implements AutoCloseable {
  static final Path JAR = Path.of("target", "pulseboard-runtime-ingest-0.1.0-SNAPSHOT-exec.jar");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int port;

  private WorkerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * @param name replica name (PULSEBOARD_INSTANCE_ID) and log file name; reusing it after a crash makes
   *     the new process take over the old one's group membership at once
   */
  static WorkerProcess start(IngestPipeline pipeline, String clickhouseUrl, Path workDir, String name) throws IOException {
    Path configDir = Files.createDirectories(workDir.resolve(name + "-config"));
    Files.writeString(configDir.resolve(IngestPipeline.FILE), PipelineJson.write(pipeline));
    int port = freePort();
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-jar", JAR.toString());
    builder.environment().put("PULSEBOARD_CONFIG_DIR", configDir.toString());
    builder.environment().put("CLICKHOUSE_URL", clickhouseUrl);
    builder.environment().put("PULSEBOARD_HTTP_PORT", Integer.toString(port));
    builder.environment().put("PULSEBOARD_HTTP_HOST", "127.0.0.1");
    builder.environment().put("PULSEBOARD_INSTANCE_ID", name);
    Path log = log(name);
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return new WorkerProcess(builder.start(), port);
  }

  /** Where a worker's output goes; appended to by each process with that name. */
  static Path log(String name) {
    return Path.of("target", "worker-" + name + ".log");
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, and wait until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** SIGTERM; returns the exit code, or -1 when it did not exit within the grace period. */
  int terminate(Duration grace) throws InterruptedException {
    process.destroy();
    return process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  /** The HTTP status of /readyz, or -1 while the server does not answer. */
  int readyz() {
    try {
      return get("/readyz").statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  String metrics() throws IOException {
    return get("/metrics").body();
  }

  /** The value of a metric line starting with {@code name} (e.g. {@code pulseboard_ingest_paused{}), or NaN. */
  double metric(String name) throws IOException {
    for (String line : metrics().split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return Double.NaN;
  }

  private HttpResponse<String> get(String path) throws IOException {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
