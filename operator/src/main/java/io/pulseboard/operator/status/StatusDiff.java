package io.pulseboard.operator.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Compares two status objects by their JSON form, the way the API server would store them: a reconcile
 * that would write an equal status writes nothing.
 */
public final class StatusDiff {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private StatusDiff() {}

  public static boolean same(Object before, Object after) {
    if (before == null || after == null) {
      return before == after;
    }
    return JSON.convertValue(before, JsonNode.class)
        .equals(JSON.convertValue(after, JsonNode.class));
  }
}
