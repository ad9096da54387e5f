package io.pulseboard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** A dashboard of panels. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.panels.all(p, self.panels.filter(o, o.id == p.id).size() == 1)", message = "panel ids must be unique")
@ValidationRule(value = "!has(self.variables) || self.variables.all(v, self.variables.filter(o, o.name == v.name).size() == 1)",
    message = "variable names must be unique")
public class DashboardSpec {
  @Required
  @Size(min = 1, max = 200)
  @JsonPropertyDescription("Title shown at the top of the page.")
  private String title;

  @Default("2s")
  @Pattern("^[0-9]+(ms|s|m)$")
  @JsonPropertyDescription("How often live panels are updated, such as 1s or 2s.")
  private String refresh = "2s";

  @Default("1h")
  @Pattern("^[0-9]+(m|h|d)$")
  @JsonPropertyDescription("The time range shown when the page opens, such as 15m, 6h or 7d.")
  private String defaultRange = "1h";

  @Required
  @Size(min = 1, max = 50)
  @JsonPropertyDescription("The panels, in display order.")
  private List<PanelSpec> panels = new ArrayList<>();

  @Size(max = 8)
  @JsonPropertyDescription("Dashboard variables: selectors on the page that filter every panel whose stream has the variable's dimension.")
  private List<VariableSpec> variables;

  @JsonPropertyDescription("Settings of the query service that serves this dashboard.")
  private QuerySpec query;

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getRefresh() {
    return refresh;
  }

  public void setRefresh(String refresh) {
    this.refresh = refresh;
  }

  public String getDefaultRange() {
    return defaultRange;
  }

  public void setDefaultRange(String defaultRange) {
    this.defaultRange = defaultRange;
  }

  public List<PanelSpec> getPanels() {
    return panels;
  }

  public void setPanels(List<PanelSpec> panels) {
    this.panels = panels;
  }

  public List<VariableSpec> getVariables() {
    return variables;
  }

  public void setVariables(List<VariableSpec> variables) {
    this.variables = variables;
  }

  public QuerySpec getQuery() {
    return query;
  }

  public void setQuery(QuerySpec query) {
    this.query = query;
  }
}
