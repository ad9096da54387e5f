package io.pulseboard.local.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the process runner starts runtime processes.
 *
 * @param repoRoot the multi-module root; runtime jars are found under it
 * @param runDir where per-deployment files and process logs go
 * @param artifactVersion the version in the runtime jar names, such as 0.1.0-SNAPSHOT
 * @param javaCommand the java executable
 * @param jvmOptions options before {@code -jar}
 * @param baseEnvironment variables every process gets besides the pod's (PATH, HOME...): a container does not
 *     inherit its host's environment either
 * @param tick how often processes are checked, probed and their status written
 * @param stopGrace how long a process may take to exit after SIGTERM before it is killed
 */
public record RunnerConfig(
    Path repoRoot,
    Path runDir,
    String artifactVersion,
    String javaCommand,
    List<String> jvmOptions,
    Map<String, String> baseEnvironment,
    Duration tick,
    Duration stopGrace) {

  /** Small heaps and a quick start: several JVMs share a laptop, and none of them runs long benchmarks. */
  public static final List<String> DEFAULT_JVM_OPTIONS =
      List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  public RunnerConfig {
    jvmOptions = List.copyOf(jvmOptions);
    baseEnvironment = Map.copyOf(baseEnvironment);
  }
}
