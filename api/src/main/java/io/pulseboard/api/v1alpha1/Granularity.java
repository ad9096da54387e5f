package io.pulseboard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/** The bucket size of a rollup. */
public enum Granularity {
  @JsonProperty("1m")
  MINUTE("1m", Duration.ofMinutes(1)),
  @JsonProperty("1h")
  HOUR("1h", Duration.ofHours(1)),
  @JsonProperty("1d")
  DAY("1d", Duration.ofDays(1));

  private final String label;
  private final Duration size;

  Granularity(String label, Duration size) {
    this.label = label;
    this.size = size;
  }

  /** The short form used in YAML and table names: 1m, 1h or 1d. */
  public String label() {
    return label;
  }

  public Duration size() {
    return size;
  }

  public static Granularity fromLabel(String label) {
    for (Granularity g : values()) {
      if (g.label.equals(label)) {
        return g;
      }
    }
    throw new IllegalArgumentException("unknown granularity " + label + "; use 1m, 1h or 1d");
  }
}
