package io.pulseboard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/**
 * CPU and memory of a pod's container, shaped like Kubernetes ResourceRequirements (requests and limits by
 * resource name) but limited to cpu and memory, so every field of the CRD keeps a description.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourcesSpec {
  private static final String KEYS = "self.all(k, k == 'cpu' || k == 'memory')";
  private static final String QUANTITIES = "self.all(k, self[k].matches('^[0-9]+(\\\\.[0-9]+)?(m|k|Ki|M|Mi|G|Gi)?$'))";

  @ValidationRule(value = KEYS, message = "only cpu and memory can be set")
  @ValidationRule(value = QUANTITIES, message = "must be quantities such as 250m or 512Mi")
  @JsonPropertyDescription("Guaranteed cpu and memory, such as {cpu: 100m, memory: 256Mi}.")
  private Map<String, String> requests;

  @ValidationRule(value = KEYS, message = "only cpu and memory can be set")
  @ValidationRule(value = QUANTITIES, message = "must be quantities such as 250m or 512Mi")
  @JsonPropertyDescription("Most cpu and memory a pod may use, such as {memory: 512Mi}.")
  private Map<String, String> limits;

  public Map<String, String> getRequests() {
    return requests;
  }

  public void setRequests(Map<String, String> requests) {
    this.requests = requests;
  }

  public Map<String, String> getLimits() {
    return limits;
  }

  public void setLimits(Map<String, String> limits) {
    this.limits = limits;
  }
}
