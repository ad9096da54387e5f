package io.pulseboard.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulseboard.local.apiserver.Kubectl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./pulseboard up -d} as a user runs it: kubectl sees the quickstart stream, the dashboard page loads
 * and its chart changes live in a real browser, and {@code ./pulseboard down} leaves no process behind.
 */
class LocalModeE2E {
  private static final Path ROOT = Path.of(System.getProperty("pulseboard.root", "..")).toAbsolutePath().normalize();
  private static final Path STATE = ROOT.resolve(".pulseboard");
  private static final Path OUTPUT = Path.of("target", "e2e").toAbsolutePath();

  private final Set<Long> seenPids = new TreeSet<>();

  @Test
  void upServesALiveDashboardAndDownStopsEveryProcess() throws Exception {
    assertThat(ROOT.resolve("pulseboard")).as("the pulseboard script at the repository root").isExecutable();
    Files.createDirectories(OUTPUT);
    try {
      assertThat(run(Duration.ofSeconds(240), "up", List.of("./pulseboard", "up", "-d"))).as("./pulseboard up -d").isZero();
      recordPids();
      JsonNode endpoints = new ObjectMapper().readTree(STATE.resolve("endpoints.json").toFile());
      String dashboardUrl = endpoints.get("dashboardUrl").asText();

      Kubectl kubectl = new Kubectl(Path.of(endpoints.get("kubeconfig").asText()));
      assertThat(kubectl.run("get", "analyticsstreams")).contains("checkout");

      HttpResponse<String> page = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(dashboardUrl)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).containsIgnoringCase("<html");

      Path screenshot = Path.of("target", "screenshots", "quickstart.png").toAbsolutePath();
      Files.createDirectories(screenshot.getParent());
      int browser = run(Duration.ofSeconds(120), "live-chart",
          List.of("node", "dashboard/e2e/live-chart.mjs", dashboardUrl, screenshot.toString()));
      assertThat(browser).as("live-chart.mjs exit code; output in " + OUTPUT.resolve("live-chart.log")).isZero();
      assertThat(Files.readString(OUTPUT.resolve("live-chart.log"))).contains("\"ok\":true");
      assertThat(screenshot).isNotEmptyFile();
      recordPids();
    } finally {
      recordPids();
      int down = run(Duration.ofSeconds(180), "down", List.of("./pulseboard", "down"));
      assertThat(down).as("./pulseboard down").isZero();
    }
    assertThat(seenPids).as("PIDs listed in .pulseboard/pids").isNotEmpty();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(seenPids).allSatisfy(pid ->
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("PID " + pid).isEmpty()));
    assertThat(STATE.resolve("endpoints.json")).doesNotExist();
  }

  private void recordPids() throws IOException {
    Path pids = STATE.resolve("pids");
    if (Files.exists(pids)) {
      for (String line : Files.readAllLines(pids)) {
        if (!line.isBlank()) {
          seenPids.add(Long.parseLong(line.trim()));
        }
      }
    }
  }

  /** Runs a command in the repository root, output to target/e2e/<name>.log; returns its exit code. */
  private static int run(Duration timeout, String name, List<String> command) throws IOException, InterruptedException {
    Path log = OUTPUT.resolve(name + ".log");
    Process process = new ProcessBuilder(new ArrayList<>(command)).directory(ROOT.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in " + timeout.toSeconds() + " s:\n"
          + Files.readString(log));
    }
    return process.exitValue();
  }
}
