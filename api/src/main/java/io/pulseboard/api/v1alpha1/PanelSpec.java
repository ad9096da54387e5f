package io.pulseboard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** One chart over one measure of one stream. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PanelSpec {
  @Required
  @Pattern("^[a-z][a-z0-9-]{0,47}$")
  @JsonPropertyDescription("Panel id, unique in the dashboard; part of the panel's REST path.")
  private String id;

  @Size(max = 200)
  @JsonPropertyDescription("Title shown above the chart. Defaults to the id.")
  private String title;

  @Required
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @JsonPropertyDescription("Name of an AnalyticsStream in the dashboard's namespace.")
  private String stream;

  @Required
  @Pattern("^[a-z][a-z0-9_]{0,47}$")
  @JsonPropertyDescription("Name of a measure of that stream.")
  private String measure;

  @JsonPropertyDescription("For a quantiles measure: which of its quantiles to show, such as 0.99.")
  private Double quantile;

  @Size(max = 2)
  @JsonPropertyDescription("Dimensions of the stream to split the series by.")
  private List<String> groupBy;

  @Default("timeseries")
  @JsonPropertyDescription("How the panel is drawn: timeseries, bar, stat or table.")
  private PanelType type = PanelType.timeseries;

  @Size(max = 16)
  @JsonPropertyDescription("Conditions on dimensions that every row of the panel must meet.")
  private List<FilterSpec> filters;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getStream() {
    return stream;
  }

  public void setStream(String stream) {
    this.stream = stream;
  }

  public String getMeasure() {
    return measure;
  }

  public void setMeasure(String measure) {
    this.measure = measure;
  }

  public Double getQuantile() {
    return quantile;
  }

  public void setQuantile(Double quantile) {
    this.quantile = quantile;
  }

  public List<String> getGroupBy() {
    return groupBy;
  }

  public void setGroupBy(List<String> groupBy) {
    this.groupBy = groupBy;
  }

  public PanelType getType() {
    return type;
  }

  public void setType(PanelType type) {
    this.type = type;
  }

  public List<FilterSpec> getFilters() {
    return filters;
  }

  public void setFilters(List<FilterSpec> filters) {
    this.filters = filters;
  }
}
