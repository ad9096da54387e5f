package io.pulseboard.query;

import io.pulseboard.api.pipeline.ColumnSpec;
import io.pulseboard.api.pipeline.MeasureContract;
import io.pulseboard.api.pipeline.QueryPipeline;
import io.pulseboard.api.pipeline.StreamContract;
import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.api.v1alpha1.FilterOp;
import io.pulseboard.api.v1alpha1.FilterSpec;
import io.pulseboard.api.v1alpha1.PanelSpec;
import io.pulseboard.api.v1alpha1.PanelType;
import java.util.List;

/**
 * The checkout stream of the architecture document (dimensions country and platform, measures events,
 * revenue, buyers and latency) and a dashboard over it, as the operator would write them.
 */
public final class TestingPipelines {
  public static final String DATABASE = "shop";

  private TestingPipelines() {}

  public static StreamContract checkout(String database, List<String> granularities) {
    return new StreamContract("checkout", 3, database, "checkout", granularities,
        List.of(dimension("country", FieldType.string), dimension("platform", FieldType.string), dimension("tier", FieldType.int64)),
        List.of(
            new MeasureContract("events", Aggregate.count, null, List.of()),
            new MeasureContract("revenue", Aggregate.sum, "amount", List.of()),
            new MeasureContract("buyers", Aggregate.uniq, "user_id", List.of()),
            new MeasureContract("latency", Aggregate.quantiles, "latency_ms", List.of(0.5, 0.9, 0.99))));
  }

  public static StreamContract checkout() {
    return checkout(DATABASE, List.of("1m", "1h", "1d"));
  }

  public static QueryPipeline dashboard(StreamContract stream, long refreshMillis, List<PanelSpec> panels) {
    return new QueryPipeline("shop-health", "shop", "Shop health", refreshMillis, 3_600_000, 5_000, panels, List.of(stream));
  }

  /** Panels: events (count), revenue by country (sum), ios revenue (filter), p99 (quantile pick), latency (all levels). */
  public static List<PanelSpec> panels() {
    return List.of(
        panel("events", "events", List.of(), null, List.of()),
        panel("revenue", "revenue", List.of("country"), null, List.of()),
        panel("ios-revenue", "revenue", List.of("country"), null, List.of(filter("platform", FilterOp.in, "ios"))),
        panel("p99", "latency", List.of(), 0.99, List.of()),
        panel("latency", "latency", List.of(), null, List.of()));
  }

  public static QueryPipeline dashboard() {
    return dashboard(checkout(), 2_000, panels());
  }

  public static PanelSpec panel(String id, String measure, List<String> groupBy, Double quantile, List<FilterSpec> filters) {
    PanelSpec panel = new PanelSpec();
    panel.setId(id);
    panel.setTitle("Panel " + id);
    panel.setStream("checkout");
    panel.setMeasure(measure);
    panel.setGroupBy(groupBy);
    panel.setQuantile(quantile);
    panel.setType(PanelType.timeseries);
    panel.setFilters(filters.isEmpty() ? null : filters);
    return panel;
  }

  public static FilterSpec filter(String dimension, FilterOp op, String... values) {
    FilterSpec filter = new FilterSpec();
    filter.setDimension(dimension);
    filter.setOp(op);
    filter.setValues(List.of(values));
    return filter;
  }

  private static ColumnSpec dimension(String name, FieldType type) {
    return new ColumnSpec(name, type, name, false, true);
  }
}
