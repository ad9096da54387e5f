package io.pulseboard.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.pulseboard.local.apiserver.Kubectl;
import io.pulseboard.local.runner.DeploymentKey;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./pulseboard up -d} as a user runs it, once for every whole-stack check: kubectl sees the quickstart
 * stream; in a real browser (dashboard/e2e/dashboard-checks.mjs) the quickstart dashboard and a dashboard with
 * every panel type and option show the REST API's points, update live within 3 s, say the demo stream is fresh,
 * refetch on a range change, narrow every affected panel when a variable is picked, and recover from a killed
 * query process without a reload; then every other example dashboard of examples/ is brought up (Secrets, a few
 * minutes of events, kubectl-style apply) and each is screenshotted; screenshots of all of them in both themes
 * under target/screenshots/; and {@code ./pulseboard down} leaves no process behind.
 */
class LocalModeE2E {
  private static final Path ROOT = Path.of(System.getProperty("pulseboard.root", "..")).toAbsolutePath().normalize();
  private static final Path STATE = ROOT.resolve(".pulseboard");
  private static final Path OUTPUT = Path.of("target", "e2e").toAbsolutePath();

  private static final Path PANEL_TYPES_DASHBOARD = Path.of("src", "test", "resources", "e2e", "panel-types-dashboard.yaml")
      .toAbsolutePath();
  private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

  private final Set<Long> seenPids = new TreeSet<>();

  @Test
  void upServesLiveDashboardsAndDownStopsEveryProcess() throws Exception {
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

      // A second dashboard with every panel type, next to the quickstart: the page is checked on both.
      kubectl.run("apply", "--validate=false", "-f", PANEL_TYPES_DASHBOARD.toString());
      RuntimeProcesses.Found quickstartQuery = awaitReadyQuery("default", "checkout-health-query");
      RuntimeProcesses.Found panelTypesQuery = awaitReadyQuery("default", "checkout-panels-query");
      recordPids();

      Path screenshots = SCREENSHOTS;
      int browser;
      // The page survives a killed query process only behind a stable address, as behind a Kubernetes Service:
      // local mode gives the restarted process a new port.
      try (ServiceProxy quickstartService = ServiceProxy.start(STATE, "default", "checkout-health-query")) {
        browser = run(Duration.ofSeconds(420), "dashboard-checks", List.of("node", "dashboard/e2e/dashboard-checks.mjs",
            quickstartService.url(), "http://127.0.0.1:" + panelTypesQuery.httpPort() + "/",
            Long.toString(quickstartQuery.pid()), screenshots.toString()));
      }
      String report = Files.readString(OUTPUT.resolve("dashboard-checks.log"));
      assertThat(browser).as("dashboard-checks.mjs exit code; output:\n" + report).isZero();
      assertThat(report).contains("\"ok\":true");
      assertScreenshots(List.of("checkout-health", "checkout-panels"));
      recordPids();

      screenshotOtherExamples(endpoints);
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

  /**
   * Every example dashboard besides the quickstart, in a browser, in both themes: they run after the checks above
   * (their JVMs would compete with the live checks for CPU) and only have to show their panels.
   */
  private void screenshotOtherExamples(JsonNode endpoints) throws Exception {
    ExampleDashboards examples = ExampleDashboards.load(ROOT.resolve("examples"));
    Path kubeconfig = Path.of(endpoints.get("kubeconfig").asText());
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
      examples.apply(client, endpoints.get("kafkaBootstrap").asText(), endpoints.get("clickhouseHttp").asText(),
          endpoints.get("redis").asText());
    }
    List<String> urls = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (DeploymentKey query : examples.queryDeployments()) {
      urls.add("http://127.0.0.1:" + awaitReadyQuery(query.namespace(), query.name()).httpPort() + "/");
      names.add(query.name().replaceFirst("-query$", ""));
    }
    recordPids();
    List<String> command = new ArrayList<>(List.of("node", "dashboard/e2e/dashboard-checks.mjs", "--screenshots", SCREENSHOTS.toString()));
    command.addAll(urls);
    int browser = run(Duration.ofSeconds(420), "example-screenshots", command);
    String report = Files.readString(OUTPUT.resolve("example-screenshots.log"));
    assertThat(browser).as("dashboard-checks.mjs --screenshots exit code; output:\n" + report).isZero();
    assertScreenshots(names);
  }

  private static void assertScreenshots(List<String> dashboards) {
    for (String dashboard : dashboards) {
      for (String theme : List.of("dark", "light")) {
        assertThat(SCREENSHOTS.resolve(dashboard + "-" + theme + ".png")).isNotEmptyFile();
      }
    }
  }

  /** The query process of a dashboard's Deployment, once it answers /readyz. */
  private static RuntimeProcesses.Found awaitReadyQuery(String namespace, String deployment) {
    HttpClient http = HttpClient.newHttpClient();
    return await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> {
      Optional<RuntimeProcesses.Found> found = RuntimeProcesses.find(STATE, namespace, deployment);
      if (found.isEmpty()) {
        return null;
      }
      try {
        HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + found.get().httpPort() + "/readyz"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
        return ready.statusCode() == 200 ? found.get() : null;
      } catch (IOException notYet) {
        return null;
      }
    }, java.util.Objects::nonNull);
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
