package io.pulseboard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** The event time of each event. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TimestampSpec {
  @Required
  @Pattern("^[a-zA-Z_][a-zA-Z0-9_]*(\\.[a-zA-Z_][a-zA-Z0-9_]*)*$")
  @JsonPropertyDescription("JSON path of the event time, such as ts or meta.time. ISO-8601 text, or epoch milliseconds as a number.")
  private String field;

  @Default("1h")
  @Pattern("^[0-9]+(ms|s|m|h|d)$")
  @JsonPropertyDescription("How far behind now an event may be; older events go to the dead-letter topic. A duration such as 30s, 15m, 1h or 2d.")
  private String lateness = "1h";

  public String getField() {
    return field;
  }

  public void setField(String field) {
    this.field = field;
  }

  public String getLateness() {
    return lateness;
  }

  public void setLateness(String lateness) {
    this.lateness = lateness;
  }
}
