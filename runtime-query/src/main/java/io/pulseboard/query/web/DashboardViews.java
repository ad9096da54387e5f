package io.pulseboard.query.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.pulseboard.api.pipeline.QueryPipeline;
import io.pulseboard.api.v1alpha1.PanelSpec;
import io.pulseboard.query.panel.DashboardCatalog;
import java.util.List;

/** The JSON bodies of the dashboard endpoints, built from the catalog. */
final class DashboardViews {
  private DashboardViews() {}

  /** An entry of {@code GET /api/v1/dashboards}. */
  @JsonPropertyOrder({"name", "title"})
  record Summary(String name, String title) {}

  /** {@code GET /api/v1/dashboards/{name}}. */
  @JsonPropertyOrder({"name", "title", "refreshMs", "defaultRangeMs", "panels"})
  record Dashboard(String name, String title, long refreshMs, long defaultRangeMs, List<Panel> panels) {}

  /** A panel as the page draws it; {@code aggregate} is null for a panel that cannot be queried. */
  @JsonPropertyOrder({"id", "title", "type", "stream", "measure", "aggregate", "quantile", "groupBy"})
  record Panel(String id, String title, String type, String stream, String measure, String aggregate,
      Double quantile, List<String> groupBy) {}

  static Summary summary(DashboardCatalog catalog) {
    return new Summary(catalog.name(), catalog.pipeline().title());
  }

  static Dashboard dashboard(DashboardCatalog catalog) {
    QueryPipeline pipeline = catalog.pipeline();
    List<Panel> panels = catalog.specs().stream().map(spec -> panel(catalog, spec)).toList();
    return new Dashboard(catalog.name(), pipeline.title(), pipeline.refreshMillis(), pipeline.defaultRangeMillis(), panels);
  }

  private static Panel panel(DashboardCatalog catalog, PanelSpec spec) {
    String aggregate = catalog.definition(spec.getId()).map(d -> d.measure().aggregate().name()).orElse(null);
    return new Panel(
        spec.getId(),
        spec.getTitle() == null ? spec.getId() : spec.getTitle(),
        spec.getType() == null ? "timeseries" : spec.getType().name(),
        spec.getStream(),
        spec.getMeasure(),
        aggregate,
        spec.getQuantile(),
        spec.getGroupBy() == null ? List.of() : List.copyOf(spec.getGroupBy()));
  }
}
