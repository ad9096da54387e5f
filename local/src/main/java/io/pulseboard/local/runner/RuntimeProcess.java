package io.pulseboard.local.runner;

import io.pulseboard.services.ProcessTermination;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One local "pod": a JVM running a runtime jar with its own HTTP port, output appended to a log file, in its own
 * session (setsid) so a Ctrl-C in the terminal reaches only local mode, which then stops it in order.
 */
final class RuntimeProcess {
  private static final Logger LOG = LoggerFactory.getLogger(RuntimeProcess.class);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final String name;
  private final int port;
  private final Process process;
  private final Optional<String> readinessPath;
  private volatile boolean ready;

  private RuntimeProcess(String name, int port, Process process, Optional<String> readinessPath) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.readinessPath = readinessPath;
  }

  static RuntimeProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
      Path log, int port, Optional<String> readinessPath) {
    List<String> full = new ArrayList<>();
    // Not a process group leader when started from Java, so setsid execs in place: the PID is the JVM's.
    full.add("setsid");
    full.addAll(command);
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, "---- " + Instant.now() + " starting " + name + " on port " + port + ": "
          + String.join(" ", command) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      ProcessBuilder builder = new ProcessBuilder(full)
          .directory(workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().clear();
      builder.environment().putAll(environment);
      Process process = builder.start();
      LOG.info("started {} (PID {}, port {}), log {}", name, process.pid(), port, log);
      return new RuntimeProcess(name, port, process, readinessPath);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  int port() {
    return port;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  int exitCode() {
    return process.exitValue();
  }

  boolean isReady() {
    return ready;
  }

  /** Polls the readiness probe once; a process without one is ready while it runs. */
  boolean probe() {
    boolean now = process.isAlive() && readinessPath.map(this::answersOk).orElse(true);
    if (now != ready) {
      LOG.info("{} is {}", name, now ? "ready" : "not ready");
    }
    ready = now;
    return now;
  }

  private boolean answersOk(String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(1)).GET().build();
    try {
      int code = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return code >= 200 && code < 400;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGTERM, then SIGKILL after {@code grace}; returns when the process is gone. */
  void stop(Duration grace) {
    ready = false;
    ProcessTermination.terminate(process.toHandle(), name, grace);
    LOG.info("stopped {} (PID {})", name, pid());
  }
}
