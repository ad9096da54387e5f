package io.pulseboard.local.runner;

import io.pulseboard.services.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local processes of one Deployment. Like a kubelet with restartPolicy Always: runs {@code replicas}
 * processes of the current {@link LaunchSpec}, replaces all of them when the spec's fingerprint changes, and
 * restarts one that exits, with a growing delay. Used only from the runner's single thread.
 */
final class ManagedDeployment {
  private static final Logger LOG = LoggerFactory.getLogger(ManagedDeployment.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  static final String PORT_VARIABLE = "PULSEBOARD_HTTP_PORT";
  /** The runtimes listen on all interfaces in a pod; on a developer's machine only on loopback. */
  static final String HOST_VARIABLE = "PULSEBOARD_HTTP_HOST";

  private final DeploymentKey key;
  private final RunnerConfig config;
  private final List<Slot> slots = new ArrayList<>();
  /**
   * The port of each replica, by index, kept for the Deployment's lifetime: a process restarted after a
   * crash or a config change listens where the previous one did, so a URL printed or published once (the
   * Service's load-balancer status) keeps working.
   */
  private final Map<Integer, Integer> ports = new HashMap<>();
  private LaunchSpec spec;
  private Path podDir;

  ManagedDeployment(DeploymentKey key, RunnerConfig config) {
    this.key = key;
    this.config = config;
  }

  /** Makes {@code replicas} processes of {@code next} run; all restart when the fingerprint changed. */
  void apply(LaunchSpec next, int replicas) {
    if (spec == null || !spec.fingerprint().equals(next.fingerprint())) {
      if (spec != null) {
        LOG.info("{}: pod template, environment or mounted files changed; restarting its processes", key);
      }
      stopAll();
      spec = next;
      podDir = preparePodDir(next);
    }
    while (slots.size() > replicas) {
      slots.remove(slots.size() - 1).stop(config.stopGrace());
    }
    while (slots.size() < replicas) {
      slots.add(new Slot(slots.size()));
    }
  }

  /** Starts what should run, restarts what exited (after its backoff), probes readiness. */
  void tick() {
    for (Slot slot : slots) {
      slot.tick();
    }
  }

  DeploymentSnapshot snapshot() {
    List<RuntimeProcess> running = slots.stream().map(s -> s.process).filter(p -> p != null && p.isAlive()).toList();
    Optional<Integer> firstPort = slots.isEmpty() || slots.get(0).process == null || !slots.get(0).process.isAlive()
        ? Optional.empty() : Optional.of(slots.get(0).process.port());
    return new DeploymentSnapshot(running.size(), (int) running.stream().filter(RuntimeProcess::isReady).count(),
        running.stream().map(RuntimeProcess::pid).toList(), firstPort, Optional.ofNullable(ports.get(0)));
  }

  void stopAll() {
    slots.parallelStream().forEach(s -> s.stop(config.stopGrace()));
    slots.clear();
    if (podDir != null) {
      Directories.deleteRecursively(podDir);
      podDir = null;
    }
  }

  private Path preparePodDir(LaunchSpec next) {
    Path dir = config.runDir().resolve("pods").resolve(key.namespace()).resolve(key.name()).resolve(next.fingerprint());
    try {
      for (Map.Entry<String, byte[]> file : next.files().entrySet()) {
        Path target = local(dir, file.getKey());
        Files.createDirectories(target.getParent());
        Files.write(target, file.getValue());
      }
      for (String mountPath : next.mountPaths()) {
        Path mounted = local(dir, mountPath);
        if (!Files.exists(mounted)) {
          Files.createDirectories(mounted);
        }
      }
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the mounted files of " + key + " under " + dir, e);
    }
  }

  /** Where a path inside the container lives on this machine: under the pod folder's root/. */
  private static Path local(Path podDir, String containerPath) {
    return podDir.resolve("root").resolve(containerPath.replaceFirst("^/+", ""));
  }

  private Map<String, String> environment(String podName, int port) {
    Map<String, String> env = new LinkedHashMap<>(config.baseEnvironment());
    spec.environmentOf(podName).forEach((name, value) -> env.put(name, rewriteMountPath(value)));
    env.put(PORT_VARIABLE, Integer.toString(port));
    env.put(HOST_VARIABLE, "127.0.0.1");
    return env;
  }

  /** An env value that points into a mounted volume points into the local copy instead. */
  private String rewriteMountPath(String value) {
    for (String mountPath : spec.mountPaths()) {
      if (value.equals(mountPath) || value.startsWith(mountPath.endsWith("/") ? mountPath : mountPath + "/")) {
        return local(podDir, value).toString();
      }
    }
    return value;
  }

  private List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(config.javaCommand());
    command.addAll(config.jvmOptions());
    command.add("-jar");
    command.add(spec.jar().toString());
    return command;
  }

  /** One replica: its current process, and when it may be started again after exiting. */
  private final class Slot {
    private final int index;
    private RuntimeProcess process;
    private int restarts;
    private Instant nextStart = Instant.MIN;

    Slot(int index) {
      this.index = index;
    }

    void tick() {
      if (process != null && !process.isAlive()) {
        Duration backoff = Duration.ofSeconds(1L << Math.min(restarts, 5));
        backoff = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
        LOG.warn("{} (PID {}) exited with code {}; restarting in {} s, see {}", process.name(), process.pid(),
            process.exitCode(), backoff.toSeconds(), log());
        nextStart = Instant.now().plus(backoff);
        restarts++;
        process = null;
      }
      if (process == null && !Instant.now().isBefore(nextStart)) {
        int port = ports.computeIfAbsent(index, i -> FreePort.pick());
        // The replica's pod name stays the same across restarts, like a StatefulSet's: a restarted ingest
        // worker rejoins its consumer group under its old member name and gets its partitions back at once.
        String podName = key.name() + "-" + index;
        process = RuntimeProcess.start(podName, command(), environment(podName, port), podDir, log(), port,
            spec.readinessPath());
      }
      if (process != null) {
        process.probe();
      }
    }

    Path log() {
      return config.runDir().resolve("logs").resolve(key.namespace() + "." + key.name() + "-" + index + ".log");
    }

    void stop(Duration grace) {
      if (process != null) {
        process.stop(grace);
        process = null;
      }
    }
  }
}
