package io.pulseboard.operator.stream;

import io.pulseboard.api.pipeline.ColumnSpec;
import io.pulseboard.api.v1alpha1.AnalyticsStreamSpec;
import io.pulseboard.api.v1alpha1.DimensionSpec;
import io.pulseboard.api.v1alpha1.FieldSpec;
import java.util.ArrayList;
import java.util.List;

/** The typed columns of a stream as the runtimes see them: dimensions first, then fields, in raw table order. */
public final class StreamColumns {
  private StreamColumns() {}

  public static List<ColumnSpec> all(AnalyticsStreamSpec spec) {
    List<ColumnSpec> columns = new ArrayList<>(dimensions(spec));
    spec.getFields().forEach(f -> columns.add(field(f)));
    return columns;
  }

  public static List<ColumnSpec> dimensions(AnalyticsStreamSpec spec) {
    return spec.getDimensions().stream().map(StreamColumns::dimension).toList();
  }

  // A dimension has no optional flag: an event without it goes to the dead-letter topic, like a required field.
  private static ColumnSpec dimension(DimensionSpec d) {
    return new ColumnSpec(d.getName(), d.getType(), pathOf(d.getPath(), d.getName()), false, true);
  }

  private static ColumnSpec field(FieldSpec f) {
    return new ColumnSpec(f.getName(), f.getType(), pathOf(f.getPath(), f.getName()),
        Boolean.TRUE.equals(f.getOptional()), false);
  }

  private static String pathOf(String path, String name) {
    return path == null ? name : path;
  }
}
