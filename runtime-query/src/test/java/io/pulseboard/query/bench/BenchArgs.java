package io.pulseboard.query.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} options of a benchmark's main. */
final class BenchArgs {
  private final Map<String, String> values = new HashMap<>();

  BenchArgs(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
      }
      values.put(args[i].substring(2), args[++i]);
    }
  }

  long number(String name, long fallback) {
    return values.containsKey(name) ? Long.parseLong(values.get(name).replace("_", "")) : fallback;
  }

  Path path(String name, String fallback) {
    return Path.of(values.getOrDefault(name, fallback));
  }

  /** The machine's load averages, noted with every result: the box is shared. */
  static String loadAverage() {
    try {
      String[] parts = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
