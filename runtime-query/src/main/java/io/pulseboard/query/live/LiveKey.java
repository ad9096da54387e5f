package io.pulseboard.query.live;

import io.pulseboard.api.v1alpha1.Granularity;
import java.util.Map;

/**
 * What live subscribers share: a panel at one granularity (subscribers of very different ranges differ)
 * narrowed by the same variable values (empty values left out, so "all" is one key).
 */
record LiveKey(String panel, Granularity granularity, Map<String, String> vars) {
  LiveKey {
    vars = vars == null ? Map.of() : Map.copyOf(vars);
  }

  LiveKey(String panel, Granularity granularity) {
    this(panel, granularity, Map.of());
  }
}
