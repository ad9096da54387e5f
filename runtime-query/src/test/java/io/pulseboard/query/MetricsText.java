package io.pulseboard.query;

/** Reads one value out of a Prometheus text exposition (a process's /metrics). */
public final class MetricsText {
  private MetricsText() {}

  /**
   * The value of the first series named {@code name} whose labels contain {@code labels} (empty for any),
   * such as {@code pulseboard_ingest_insert_latency_seconds_bucket} with {@code le="0.25"}.
   */
  public static double value(String text, String name, String labels) {
    for (String line : text.split("\n")) {
      if ((line.startsWith(name + "{") || line.startsWith(name + " ")) && line.contains(labels)) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new IllegalStateException(name + (labels.isEmpty() ? "" : " with " + labels) + " is not in /metrics");
  }
}
