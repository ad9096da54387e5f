package io.pulseboard.operator.testing;

import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.api.v1alpha1.AnalyticsStreamSpec;
import io.pulseboard.api.v1alpha1.Granularity;
import io.pulseboard.api.v1alpha1.MeasureSpec;
import io.pulseboard.api.v1alpha1.RollupSpec;
import java.util.ArrayList;
import java.util.List;

/** Parts of stream specs that schema-change tests edit step by step. */
public final class SpecParts {
  private SpecParts() {}

  /** The quickstart stream with 1m and 1h rollups, its lists editable. */
  public static AnalyticsStreamSpec quickstartMinuteHour() {
    AnalyticsStreamSpec spec = Examples.quickstartStream().getSpec();
    spec.setDimensions(new ArrayList<>(spec.getDimensions()));
    spec.setFields(new ArrayList<>(spec.getFields()));
    spec.setMeasures(new ArrayList<>(spec.getMeasures()));
    spec.setRollups(new ArrayList<>(List.of(rollup(Granularity.MINUTE), rollup(Granularity.HOUR))));
    return spec;
  }

  public static RollupSpec rollup(Granularity granularity) {
    RollupSpec rollup = new RollupSpec();
    rollup.setGranularity(granularity);
    return rollup;
  }

  public static MeasureSpec measure(String name, Aggregate aggregate, String field) {
    MeasureSpec measure = new MeasureSpec();
    measure.setName(name);
    measure.setAggregate(aggregate);
    measure.setField(field);
    return measure;
  }
}
