package io.pulseboard.operator.testing;

import static io.pulseboard.operator.testing.SpecParts.measure;

import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.DimensionSpec;
import io.pulseboard.api.v1alpha1.FieldSpec;
import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.api.v1alpha1.Granularity;
import io.pulseboard.api.v1alpha1.MeasureSpec;
import io.pulseboard.api.v1alpha1.RawSpec;
import io.pulseboard.api.v1alpha1.RollupSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams built in code to cover what the examples do not: every measure kind over every type it accepts,
 * fields read from nested JSON paths, every subset of rollups (and none declared), retention on some
 * tables, and a stream without dimensions. Each is a valid spec.
 */
public final class GeneratedStreams {
  private GeneratedStreams() {}

  /** Every rollup subset with every measure kind, then one stream without dimensions. */
  public static List<AnalyticsStream> all() {
    List<AnalyticsStream> streams = new ArrayList<>();
    Granularity[] all = Granularity.values();
    streams.add(allKinds("defaults", null));
    for (int mask = 1; mask < 1 << all.length; mask++) {
      List<RollupSpec> rollups = new ArrayList<>();
      StringBuilder name = new StringBuilder("r");
      for (int i = 0; i < all.length; i++) {
        if ((mask & (1 << i)) != 0) {
          // retention on the finer rollups only: the coarsest kept for ever is the usual set-up
          rollups.add(rollup(all[i], all[i] == Granularity.DAY ? null : (30 * (i + 1)) + "d"));
          name.append('_').append(all[i].label());
        }
      }
      streams.add(allKinds(name.toString(), rollups));
    }
    streams.add(withoutDimensions());
    return streams;
  }

  private static AnalyticsStream allKinds(String name, List<RollupSpec> rollups) {
    AnalyticsStream stream = Examples.quickstartStream();
    stream.getMetadata().setName(name);
    stream.getSpec().setDimensions(List.of(dimension("country", FieldType.string, true),
        dimension("region_id", FieldType.int64, false)));
    stream.getSpec().setFields(List.of(
        field("amount", FieldType.float64, null),
        field("qty", FieldType.int64, "order.lines.count"),
        field("user_id", FieldType.string, "user.id"),
        field("happened", FieldType.datetime, "meta.at"),
        field("flag", FieldType.bool, "meta.flag")));
    stream.getSpec().setMeasures(List.of(
        measure("events", Aggregate.count, null),
        measure("revenue", Aggregate.sum, "amount"),
        measure("units", Aggregate.sum, "qty"),
        measure("low", Aggregate.min, "amount"),
        measure("high", Aggregate.max, "qty"),
        measure("mean", Aggregate.avg, "amount"),
        measure("mean_region", Aggregate.avg, "region_id"),
        measure("users", Aggregate.uniq, "user_id"),
        measure("flags", Aggregate.uniq, "flag"),
        measure("countries", Aggregate.uniq, "country"),
        measure("first_at", Aggregate.min, "happened"),
        measure("last_at", Aggregate.max, "happened"),
        quantiles("amount_q", "amount", List.of(0.5, 0.9, 0.99)),
        quantiles("qty_q", "qty", List.of(0.25))));
    stream.getSpec().setRollups(rollups);
    RawSpec raw = new RawSpec();
    raw.setRetention("7d");
    stream.getSpec().setRaw(raw);
    return stream;
  }

  private static AnalyticsStream withoutDimensions() {
    AnalyticsStream stream = Examples.quickstartStream();
    stream.getMetadata().setName("nodims");
    stream.getSpec().setDimensions(List.of());
    stream.getSpec().setFields(List.of(field("amount", FieldType.float64, "payload.amount")));
    stream.getSpec().setMeasures(List.of(measure("events", Aggregate.count, null),
        measure("revenue", Aggregate.sum, "amount")));
    stream.getSpec().setRollups(List.of(rollup(Granularity.HOUR, "2d")));
    return stream;
  }

  private static DimensionSpec dimension(String name, FieldType type, boolean lowCardinality) {
    DimensionSpec d = new DimensionSpec();
    d.setName(name);
    d.setType(type);
    d.setLowCardinality(lowCardinality ? Boolean.TRUE : null);
    return d;
  }

  private static FieldSpec field(String name, FieldType type, String path) {
    FieldSpec f = new FieldSpec();
    f.setName(name);
    f.setType(type);
    f.setPath(path);
    return f;
  }

  private static MeasureSpec quantiles(String name, String field, List<Double> levels) {
    MeasureSpec m = measure(name, Aggregate.quantiles, field);
    m.setQuantiles(levels);
    return m;
  }

  private static RollupSpec rollup(Granularity granularity, String retention) {
    RollupSpec r = new RollupSpec();
    r.setGranularity(granularity);
    r.setRetention(retention);
    return r;
  }
}
