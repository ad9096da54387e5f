package io.pulseboard.query.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.pulseboard.api.pipeline.QueryPipeline;
import io.pulseboard.api.v1alpha1.PanelSpec;
import io.pulseboard.query.panel.DashboardCatalog;
import io.pulseboard.query.panel.PanelDefinition;
import java.util.List;
import java.util.Optional;

/** The JSON bodies of the dashboard endpoints, built from the catalog. */
final class DashboardViews {
  private DashboardViews() {}

  /** An entry of {@code GET /api/v1/dashboards}. */
  @JsonPropertyOrder({"name", "title"})
  record Summary(String name, String title) {}

  /** {@code GET /api/v1/dashboards/{name}}. */
  @JsonPropertyOrder({"name", "title", "refreshMs", "defaultRangeMs", "variables", "panels"})
  record Dashboard(String name, String title, long refreshMs, long defaultRangeMs, List<Variable> variables, List<Panel> panels) {}

  /** A dashboard variable: the page offers its values as a selector. */
  @JsonPropertyOrder({"name", "dimension", "label"})
  record Variable(String name, String dimension, String label) {}

  /**
   * A panel as the page draws it. {@code measure}/{@code aggregate} describe the first measure (null
   * aggregates for a panel that cannot be queried); {@code problem} is set for such a panel.
   */
  @JsonPropertyOrder({"id", "title", "type", "stream", "measure", "aggregate", "quantile", "groupBy", "measures",
      "range", "rangeMs", "limit", "variables", "problem"})
  record Panel(String id, String title, String type, String stream, String measure, String aggregate,
      Double quantile, List<String> groupBy, List<Measure> measures, String range, Long rangeMs, Integer limit,
      List<String> variables, Problem problem) {}

  /** One measure of a panel; {@code aggregate} is null when the panel cannot be queried. */
  @JsonPropertyOrder({"name", "aggregate"})
  record Measure(String name, String aggregate) {}

  /** Why a panel cannot be queried. */
  @JsonPropertyOrder({"reason", "message"})
  record Problem(String reason, String message) {}

  static Summary summary(DashboardCatalog catalog) {
    return new Summary(catalog.name(), catalog.pipeline().title());
  }

  static Dashboard dashboard(DashboardCatalog catalog) {
    QueryPipeline pipeline = catalog.pipeline();
    List<Panel> panels = catalog.specs().stream().map(spec -> panel(catalog, spec)).toList();
    List<Variable> variables = catalog.variables().stream()
        .map(v -> new Variable(v.getName(), v.getDimension(), v.getLabel() == null ? v.getName() : v.getLabel()))
        .toList();
    return new Dashboard(catalog.name(), pipeline.title(), pipeline.refreshMillis(), pipeline.defaultRangeMillis(), variables, panels);
  }

  private static Panel panel(DashboardCatalog catalog, PanelSpec spec) {
    Optional<PanelDefinition> definition = catalog.definition(spec.getId());
    List<Measure> measures = definition
        .map(d -> d.measures().stream().map(m -> new Measure(m.name(), m.contract().aggregate().name())).toList())
        .orElseGet(() -> spec.measureNames().stream().map(m -> new Measure(m, null)).toList());
    List<String> groupBy = spec.getGroupBy() == null ? List.of() : List.copyOf(spec.getGroupBy());
    return new Panel(
        spec.getId(),
        spec.getTitle() == null ? spec.getId() : spec.getTitle(),
        spec.getType() == null ? "timeseries" : spec.getType().name(),
        spec.getStream(),
        measures.isEmpty() ? null : measures.get(0).name(),
        measures.isEmpty() ? null : measures.get(0).aggregate(),
        spec.getQuantile(),
        groupBy,
        measures,
        spec.getRange(),
        definition.map(PanelDefinition::rangeMillis).orElse(null),
        groupBy.isEmpty() ? null : definition.map(PanelDefinition::limit).orElse(spec.getLimit()),
        definition.map(d -> List.copyOf(d.variables().keySet())).orElse(List.of()),
        catalog.problem(spec.getId()).map(p -> new Problem(p.reason(), p.message())).orElse(null));
  }
}
