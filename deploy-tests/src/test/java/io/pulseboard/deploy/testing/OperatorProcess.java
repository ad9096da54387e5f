package io.pulseboard.deploy.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operator's exec jar (what the image runs) in its own JVM, configured by environment variables as
 * the Helm chart configures it, against an API server URL. Output goes to a log file the test reads.
 */
public final class OperatorProcess implements AutoCloseable {
  public static final Path EXEC_JAR = Path.of("../operator/target/pulseboard-operator-0.1.0-SNAPSHOT-exec.jar");

  private final String name;
  private final Process process;
  private final Path log;
  private final int httpPort;

  private OperatorProcess(String name, Process process, Path log, int httpPort) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.httpPort = httpPort;
  }

  public static OperatorProcess start(String name, String apiServerUrl, Path workDir, Map<String, String> env) {
    if (!Files.isRegularFile(EXEC_JAR)) {
      throw new IllegalStateException(EXEC_JAR + " is missing: build the operator module first (mvn package)");
    }
    try {
      int port = freePort();
      Path log = workDir.resolve(name + ".log");
      String java = ProcessHandle.current().info().command().orElse("java");
      ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
          EXEC_JAR.toAbsolutePath().toString())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> environment = builder.environment();
      environment.keySet().removeIf(k -> k.startsWith("KUBERNETES_") || k.startsWith("PULSEBOARD_"));
      environment.put("KUBERNETES_MASTER", apiServerUrl);
      environment.put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
      environment.put("KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false");
      environment.put("KUBERNETES_NAMESPACE", "default");
      environment.put("HOSTNAME", name);
      environment.put("PULSEBOARD_SSA", "false");
      environment.put("PULSEBOARD_METRICS_HOST", "127.0.0.1");
      environment.put("PULSEBOARD_METRICS_PORT", String.valueOf(port));
      environment.putAll(env);
      return new OperatorProcess(name, builder.start(), log, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String name() {
    return name;
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Status code and body of GET path on the operator's HTTP port; status 0 when nothing answers. */
  public HttpResponse<String> get(String path) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM, as the kubelet stops a pod; SIGKILL after 20 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
