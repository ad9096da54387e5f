package io.pulseboard.query.bench;

import io.pulseboard.api.pipeline.IngestPipeline;
import io.pulseboard.api.pipeline.PipelineJson;
import io.pulseboard.query.MetricsText;
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

/** The packaged ingest worker (runtime-ingest's exec jar) as a child JVM, configured as its pod is. */
final class IngestWorkerProcess implements AutoCloseable {
  static final Path JAR = Path.of("..", "runtime-ingest", "target", "pulseboard-runtime-ingest-0.1.0-SNAPSHOT-exec.jar");

  private final Process process;
  private final int port;

  private IngestWorkerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static IngestWorkerProcess start(IngestPipeline pipeline, String clickhouseUrl, Path workDir) throws IOException {
    Path configDir = Files.createDirectories(workDir.resolve("ingest-config"));
    Files.writeString(configDir.resolve(IngestPipeline.FILE), PipelineJson.write(pipeline));
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-jar", JAR.toAbsolutePath().toString());
    builder.environment().put("PULSEBOARD_CONFIG_DIR", configDir.toString());
    builder.environment().put("CLICKHOUSE_URL", clickhouseUrl);
    builder.environment().put("PULSEBOARD_HTTP_PORT", Integer.toString(port));
    builder.environment().put("PULSEBOARD_HTTP_HOST", "127.0.0.1");
    builder.environment().put("PULSEBOARD_INSTANCE_ID", "bench");
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("ingest.log").toFile()));
    return new IngestWorkerProcess(builder.start(), port);
  }

  void awaitReady(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the ingest worker exited");
      }
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build(),
            HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the ingest worker was not ready within " + timeout);
  }

  /**
   * The first series of a name in the worker's /metrics whose labels contain {@code labels} (may be empty),
   * such as {@code pulseboard_ingest_insert_latency_seconds_bucket} with {@code le="0.25"}.
   */
  double metric(String name, String labels) throws IOException, InterruptedException {
    String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return MetricsText.value(text, name, labels);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
