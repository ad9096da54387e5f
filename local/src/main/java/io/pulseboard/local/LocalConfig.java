package io.pulseboard.local;

import io.pulseboard.local.runner.RunnerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Settings of {@code ./pulseboard up}, loaded once at start.
 *
 * @param repoRoot the repository: runtime jars and examples/quickstart are found under it
 * @param stateDir {@code <repo>/.pulseboard}: kubeconfig, endpoints.json, pids, logs
 * @param quickstartDir the YAML files applied at start
 * @param namespace where the Secrets for ClickHouse and Redis go
 * @param demoEventsPerSecond rate of the demo generator
 * @param demoPartitions partitions of the demo topic
 * @param readyTimeout how long to wait for the quickstart dashboard
 * @param runner how runtime processes are started
 */
public record LocalConfig(
    Path repoRoot,
    Path stateDir,
    Path quickstartDir,
    String namespace,
    int demoEventsPerSecond,
    int demoPartitions,
    Duration readyTimeout,
    RunnerConfig runner) {

  /** System property naming the repository root; the working directory otherwise. */
  public static final String ROOT_PROPERTY = "pulseboard.root";
  /** What a runtime process inherits from this one: enough to run Java, nothing else. */
  private static final Set<String> INHERITED = Set.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "USER");

  public static LocalConfig load(Map<String, String> systemProperties, Map<String, String> environment) {
    Path root = Path.of(systemProperties.getOrDefault(ROOT_PROPERTY, systemProperties.get("user.dir")))
        .toAbsolutePath().normalize();
    Path quickstart = root.resolve("examples").resolve("quickstart");
    if (!Files.isDirectory(quickstart)) {
      throw new IllegalArgumentException(quickstart + " not found: run from the repository root or set -D"
          + ROOT_PROPERTY + "=<repository root>");
    }
    Path state = root.resolve(".pulseboard");
    Map<String, String> inherited = new TreeMap<>();
    environment.forEach((k, v) -> {
      if (INHERITED.contains(k)) {
        inherited.put(k, v);
      }
    });
    String java = Path.of(systemProperties.get("java.home"), "bin", "java").toString();
    RunnerConfig runner = new RunnerConfig(root, state, buildVersion(), java, RunnerConfig.DEFAULT_JVM_OPTIONS,
        inherited, Duration.ofSeconds(1), Duration.ofSeconds(15));
    return new LocalConfig(root, state, quickstart, "default", 200, 3, Duration.ofSeconds(150), runner);
  }

  /** The project version, which names the runtime jars; written into build.properties by the build. */
  private static String buildVersion() {
    try (InputStream in = LocalConfig.class.getResourceAsStream("build.properties")) {
      if (in == null) {
        throw new IllegalStateException("io/pulseboard/local/build.properties is missing: build with Maven");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
