package io.pulseboard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;


/** What the operator observed of a dashboard. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DashboardStatus {
  @JsonPropertyDescription("The generation of the spec that this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("Ready and PanelsValid, each with a reason and a message.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("Where the dashboard is served.")
  private String url;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }
}
