package io.pulseboard.query;

import io.pulseboard.api.pipeline.PipelineJson;
import io.pulseboard.api.pipeline.QueryPipeline;
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
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged query service (the exec jar the image and the local runner start) as a child JVM,
 * configured as a pod is: a mounted query.json and environment variables.
 */
public final class QueryProcess implements AutoCloseable {
  public static final Path JAR = Path.of("target", "pulseboard-runtime-query-0.1.0-SNAPSHOT-exec.jar");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int port;
  private final Path log;

  private QueryProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * @param redisUrl REDIS_URL, or null for none
   * @param jvmOptions JVM options, such as a heap size
   */
  public static QueryProcess start(String name, QueryPipeline pipeline, String clickhouseUrl, String redisUrl, Path workDir,
      List<String> jvmOptions) throws IOException {
    Path configDir = Files.createDirectories(workDir.resolve(name + "-config"));
    Files.writeString(configDir.resolve(QueryPipeline.FILE), PipelineJson.write(pipeline));
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("PULSEBOARD_CONFIG_DIR", configDir.toString());
    builder.environment().put("CLICKHOUSE_URL", clickhouseUrl);
    builder.environment().put("PULSEBOARD_HTTP_PORT", Integer.toString(port));
    builder.environment().put("PULSEBOARD_HTTP_HOST", "127.0.0.1");
    if (redisUrl != null) {
      builder.environment().put("REDIS_URL", redisUrl);
    }
    Path log = workDir.resolve("query-" + name + ".log");
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return new QueryProcess(builder.start(), port, log);
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Whether /readyz answers 200; false while the process starts. */
  public boolean ready() {
    try {
      return get("/readyz").statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** A counter or gauge from /metrics (the first series of that name). */
  public double metric(String name) throws IOException {
    return MetricsText.value(get("/metrics").body(), name, "");
  }

  public HttpResponse<String> get(String path) throws IOException {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** SIGTERM, then SIGKILL after a grace period. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
