package io.pulseboard.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds a runtime process that local mode runs for a Deployment, by reading the environment of each PID in
 * {@code .pulseboard/pids} (Linux /proc): the runner points PULSEBOARD_CONFIG_DIR into
 * {@code .pulseboard/pods/<namespace>/<deployment>/...} and sets PULSEBOARD_HTTP_PORT.
 */
final class RuntimeProcesses {
  record Found(long pid, int httpPort) {}

  private RuntimeProcesses() {}

  static Optional<Found> find(Path stateDir, String namespace, String deployment) throws IOException {
    Path pids = stateDir.resolve("pids");
    if (!Files.exists(pids)) {
      return Optional.empty();
    }
    String marker = "/pods/" + namespace + "/" + deployment + "/";
    for (String line : Files.readAllLines(pids)) {
      if (line.isBlank()) {
        continue;
      }
      long pid = Long.parseLong(line.trim());
      List<String> environment = environment(pid);
      boolean matches = environment.stream().anyMatch(e -> e.startsWith("PULSEBOARD_CONFIG_DIR=") && e.contains(marker));
      Optional<Integer> port = environment.stream().filter(e -> e.startsWith("PULSEBOARD_HTTP_PORT="))
          .map(e -> Integer.parseInt(e.substring("PULSEBOARD_HTTP_PORT=".length()))).findFirst();
      if (matches && port.isPresent()) {
        return Optional.of(new Found(pid, port.get()));
      }
    }
    return Optional.empty();
  }

  private static List<String> environment(long pid) {
    try {
      return List.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")), StandardCharsets.UTF_8)
          .split("\0"));
    } catch (IOException gone) {
      return List.of(); // exited between reading the pids file and /proc
    }
  }
}
