package io.pulseboard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** When a stream counts as fresh: the thresholds of its Fresh condition. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FreshnessSpec {
  @Min(0)
  @JsonPropertyDescription("Most unconsumed messages (consumer-group lag summed over the source topic's partitions) a fresh stream may have. Default 10000.")
  private Long maxLag;

  @Pattern("^[0-9]{1,9}(s|m|h|d)$")
  @JsonPropertyDescription("Longest time since the newest row was ingested for a fresh stream, such as 5m. Default 5m.")
  private String maxAge;

  public Long getMaxLag() {
    return maxLag;
  }

  public void setMaxLag(Long maxLag) {
    this.maxLag = maxLag;
  }

  public String getMaxAge() {
    return maxAge;
  }

  public void setMaxAge(String maxAge) {
    this.maxAge = maxAge;
  }
}
