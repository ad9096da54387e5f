package io.pulseboard.operator.workload;

import java.util.LinkedHashMap;
import java.util.Map;

/** The recommended Kubernetes labels of every object the operator creates. */
public final class WorkloadLabels {
  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String OPERATOR = "pulseboard-operator";
  public static final String INGEST = "pulseboard-ingest";
  public static final String QUERY = "pulseboard-query";

  /** Informer selector for the objects of one component, so the operator caches only its own. */
  public static final String INGEST_SELECTOR = NAME + "=" + INGEST + "," + MANAGED_BY + "=" + OPERATOR;
  public static final String QUERY_SELECTOR = NAME + "=" + QUERY + "," + MANAGED_BY + "=" + OPERATOR;

  private WorkloadLabels() {}

  /** The labels that select the pods of one workload. */
  public static Map<String, String> selector(String component, String instance) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(NAME, component);
    labels.put(INSTANCE, instance);
    return labels;
  }

  public static Map<String, String> all(String component, String instance) {
    Map<String, String> labels = selector(component, instance);
    labels.put(MANAGED_BY, OPERATOR);
    return labels;
  }
}
