package io.pulseboard.operator.dashboard;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.pulseboard.api.v1alpha1.QuerySpec;
import io.pulseboard.api.v1alpha1.ResourcesSpec;
import java.util.Map;
import java.util.TreeMap;

/**
 * The query container's resources: what spec.query.resources sets, over defaults sized for one dashboard
 * (a JVM with Spring, a bounded ClickHouse pool and the live fan-out): requests cpu 100m and memory
 * 256Mi, a 512Mi memory limit and no cpu limit (throttling a JVM's start makes its probes fail).
 */
final class QueryResources {
  static final Map<String, String> DEFAULT_REQUESTS = Map.of("cpu", "100m", "memory", "256Mi");
  static final Map<String, String> DEFAULT_LIMITS = Map.of("memory", "512Mi");

  private QueryResources() {}

  static ResourceRequirements of(QuerySpec query) {
    ResourcesSpec spec = query == null ? null : query.getResources();
    return new ResourceRequirementsBuilder()
        .withRequests(quantities(DEFAULT_REQUESTS, spec == null ? null : spec.getRequests()))
        .withLimits(quantities(DEFAULT_LIMITS, spec == null ? null : spec.getLimits()))
        .build();
  }

  private static Map<String, Quantity> quantities(Map<String, String> defaults, Map<String, String> set) {
    Map<String, String> merged = new TreeMap<>(defaults);
    if (set != null) {
      merged.putAll(set);
    }
    Map<String, Quantity> quantities = new TreeMap<>();
    merged.forEach((name, value) -> quantities.put(name, new Quantity(value)));
    return quantities;
  }
}
