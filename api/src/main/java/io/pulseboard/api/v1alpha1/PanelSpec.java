package io.pulseboard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** One chart over one or more measures of one stream. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.measure) != has(self.measures)", message = "set exactly one of measure and measures")
public class PanelSpec {
  /** Groups shown by a panel with groupBy when it sets no limit. */
  public static final int DEFAULT_LIMIT = 10;

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

  @Pattern("^[a-z][a-z0-9_]{0,47}$")
  @JsonPropertyDescription("Name of a measure of that stream. Set this or measures, not both.")
  private String measure;

  @Size(min = 1, max = 4)
  @ValidationRule(value = "self.all(m, m.matches('^[a-z][a-z0-9_]{0,47}$'))", message = "measures must be measure names")
  @ValidationRule(value = "self.all(m, self.filter(o, o == m).size() == 1)", message = "measures must be unique")
  @JsonPropertyDescription("Several measures of that stream drawn in one panel (1 to 4), one series per measure and group. Set this or measure, not both.")
  private List<String> measures;

  @JsonPropertyDescription("For a quantiles measure: which of its quantiles to show, such as 0.99.")
  private Double quantile;

  @Pattern("^[0-9]+(m|h|d)$")
  @JsonPropertyDescription("Per-panel range, such as 15m, 6h or 7d: the panel always shows this last span, whatever range the page picks.")
  private String range;

  @Min(1)
  @Max(50)
  @JsonPropertyDescription("For a panel with groupBy: how many groups to show, ranked by the first measure's total over the range (default 10); the rest is folded into one \"other\" series for count and sum measures.")
  private Integer limit;

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

  public List<String> getMeasures() {
    return measures;
  }

  public void setMeasures(List<String> measures) {
    this.measures = measures;
  }

  /** The panel's measures in order: {@code measures}, or the single {@code measure}. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public List<String> measureNames() {
    if (measures != null && !measures.isEmpty()) {
      return List.copyOf(measures);
    }
    return measure == null ? List.of() : List.of(measure);
  }

  public String getRange() {
    return range;
  }

  public void setRange(String range) {
    this.range = range;
  }

  public Integer getLimit() {
    return limit;
  }

  public void setLimit(Integer limit) {
    this.limit = limit;
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
