package io.pulseboard.operator.dashboard;

import io.pulseboard.api.contract.Durations;
import io.pulseboard.api.pipeline.PanelProblem;
import io.pulseboard.api.pipeline.QueryPipeline;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.Dashboard;
import io.pulseboard.api.v1alpha1.DashboardSpec;
import io.pulseboard.api.v1alpha1.QuerySpec;
import io.pulseboard.operator.stream.StreamContracts;
import java.util.List;
import java.util.Map;

/**
 * Builds the query service's pipeline file from a dashboard, the streams it reads and the problems of its
 * panels: a panel with a problem is still listed (the page shows its error), and only the streams that
 * exist get a contract.
 */
public final class QueryPipelines {
  private QueryPipelines() {}

  public static QueryPipeline of(Dashboard dashboard, Map<String, AnalyticsStream> streams) {
    return of(dashboard, streams, List.of());
  }

  public static QueryPipeline of(Dashboard dashboard, Map<String, AnalyticsStream> streams, List<PanelProblem> problems) {
    DashboardSpec spec = dashboard.getSpec();
    DashboardSpec defaults = new DashboardSpec();
    QuerySpec query = spec.getQuery() == null ? new QuerySpec() : spec.getQuery();
    return new QueryPipeline(
        dashboard.getMetadata().getName(),
        dashboard.getMetadata().getNamespace(),
        spec.getTitle() == null ? dashboard.getMetadata().getName() : spec.getTitle(),
        millis(spec.getRefresh(), defaults.getRefresh()),
        millis(spec.getDefaultRange(), defaults.getDefaultRange()),
        millis(query.getCacheTtl(), new QuerySpec().getCacheTtl()),
        spec.getPanels(),
        streamsInUse(dashboard).stream()
            .map(streams::get)
            .filter(s -> s != null && s.getSpec() != null)
            .map(StreamContracts::of)
            .toList(),
        spec.getVariables(),
        problems);
  }

  /** The names of the streams the panels read, in the order they first appear. */
  public static List<String> streamsInUse(Dashboard dashboard) {
    if (dashboard.getSpec() == null || dashboard.getSpec().getPanels() == null) {
      return List.of();
    }
    return dashboard.getSpec().getPanels().stream().map(p -> p.getStream()).distinct().toList();
  }

  private static long millis(String value, String fallback) {
    return Durations.parse(value == null ? fallback : value).toMillis();
  }
}
