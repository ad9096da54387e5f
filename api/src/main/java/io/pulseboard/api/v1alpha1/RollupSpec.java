package io.pulseboard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** One pre-aggregated table. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RollupSpec {
  @Required
  @JsonPropertyDescription("Bucket size: 1m, 1h or 1d.")
  private Granularity granularity;

  @Pattern("^[0-9]+d$")
  @JsonPropertyDescription("How long to keep buckets, in days, such as 30d. Unset keeps them forever.")
  private String retention;

  public Granularity getGranularity() {
    return granularity;
  }

  public void setGranularity(Granularity granularity) {
    this.granularity = granularity;
  }

  public String getRetention() {
    return retention;
  }

  public void setRetention(String retention) {
    this.retention = retention;
  }
}
