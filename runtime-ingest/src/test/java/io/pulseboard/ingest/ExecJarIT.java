package io.pulseboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as the local runner and the image start it: env, mounted ingest.json, SIGTERM. */
class ExecJarIT {
  private static final Path JAR = Path.of("target", "pulseboard-runtime-ingest-0.1.0-SNAPSHOT-exec.jar");

  @TempDir Path configDir;
  private TestingStream stream;
  private Process process;

  @BeforeEach
  void createStream() throws Exception {
    stream = new TestingStream(2);
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor();
    }
    stream.close();
  }

  @Test
  void storesAndCommitsTheHeldBatchOnSigterm() throws Exception {
    // Batches that never fill or fall due: only the shutdown stores them.
    IngestPipeline pipeline = stream.pipeline(1_000_000, 1L << 30, 600_000);
    Files.writeString(configDir.resolve(IngestPipeline.FILE), PipelineJson.write(pipeline));
    int port = freePort();
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString());
    builder.environment().put("PULSEBOARD_CONFIG_DIR", configDir.toString());
    builder.environment().put("CLICKHOUSE_URL", stream.services().clickhouseHttp());
    builder.environment().put("PULSEBOARD_HTTP_PORT", Integer.toString(port));
    builder.environment().put("PULSEBOARD_HTTP_HOST", "127.0.0.1");
    builder.redirectErrorStream(true).redirectOutput(Path.of("target", "exec-jar-it.log").toFile());
    process = builder.start();

    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> get(port, "/readyz").statusCode() == 200);
    stream.sendGoodEvents(1_000);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(port, "/metrics").body())
        .contains("pulseboard_ingest_events_consumed_total{namespace=\"it\",stream=\"orders\"} 1000.0"));
    // the consumer's lag per partition, for alerts and autoscaling; drained, so every partition is at 0
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(port, "/metrics").body())
        .containsPattern("kafka_consumer_fetch_manager_records_lag\\{[^}]*partition=\"0\"[^}]*topic=\"" + stream.topic()
            + "\"[^}]*\\} 0\\.0"));
    assertThat(stream.rawCount()).as("held in the batch").isZero();

    process.destroy(); // SIGTERM
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as("terminated by SIGTERM, hooks run").isEqualTo(143);
    assertThat(stream.rawCount()).isEqualTo(1_000);
    assertThat(stream.committedTotal()).isEqualTo(1_000);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
