package io.pulseboard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/** The raw event table. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RawSpec {
  @Pattern("^[0-9]+d$")
  @JsonPropertyDescription("How long to keep raw events, in days, such as 7d. Unset keeps them forever.")
  private String retention;

  public String getRetention() {
    return retention;
  }

  public void setRetention(String retention) {
    this.retention = retention;
  }
}
