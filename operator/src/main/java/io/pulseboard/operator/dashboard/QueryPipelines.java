package io.pulseboard.operator.dashboard;

import io.pulseboard.api.contract.Durations;
import io.pulseboard.api.pipeline.QueryPipeline;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.Dashboard;
import io.pulseboard.api.v1alpha1.DashboardSpec;
import io.pulseboard.api.v1alpha1.QuerySpec;
import io.pulseboard.operator.stream.StreamContracts;
import java.util.List;
import java.util.Map;

/** Builds the query service's pipeline file from a validated dashboard and the streams it reads. */
public final class QueryPipelines {
  private QueryPipelines() {}

  public static QueryPipeline of(Dashboard dashboard, Map<String, AnalyticsStream> streams) {
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
        streamsInUse(dashboard).stream().map(name -> StreamContracts.of(streams.get(name))).toList());
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
