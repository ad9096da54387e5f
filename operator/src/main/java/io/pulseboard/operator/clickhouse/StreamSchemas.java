package io.pulseboard.operator.clickhouse;

import io.pulseboard.api.contract.ColumnTypes;
import io.pulseboard.api.contract.Durations;
import io.pulseboard.api.contract.MeasureFunctions;
import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.v1alpha1.AnalyticsStreamSpec;
import io.pulseboard.api.v1alpha1.DimensionSpec;
import io.pulseboard.api.v1alpha1.FieldSpec;
import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.api.v1alpha1.Granularity;
import io.pulseboard.api.v1alpha1.MeasureSpec;
import io.pulseboard.api.v1alpha1.RollupSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Builds the {@link StreamSchema} of a validated stream spec. */
public final class StreamSchemas {
  /** Type of the event time and of every bucket column. */
  public static final String TIME_TYPE = "DateTime('UTC')";

  private static final List<Granularity> DEFAULT_GRANULARITIES =
      List.of(Granularity.MINUTE, Granularity.HOUR, Granularity.DAY);

  private StreamSchemas() {}

  public static StreamSchema of(StreamNames names, AnalyticsStreamSpec spec, int schemaVersion) {
    List<Column> dimensions = spec.getDimensions().stream().map(StreamSchemas::dimensionColumn).toList();
    List<Column> fields = spec.getFields().stream()
        .map(f -> new Column(f.getName(), ColumnTypes.of(f.getType())))
        .toList();

    List<Column> rawColumns = new ArrayList<>();
    rawColumns.add(new Column(StreamNames.TIME, TIME_TYPE));
    rawColumns.addAll(dimensions);
    rawColumns.addAll(fields);
    rawColumns.add(new Column(StreamNames.PARTITION, "Int32"));
    rawColumns.add(new Column(StreamNames.OFFSET, "Int64"));
    rawColumns.add(new Column(StreamNames.INGESTED_AT, TIME_TYPE));
    rawColumns.add(new Column(StreamNames.SCHEMA_VERSION, "UInt32"));

    List<String> orderBy = new ArrayList<>();
    dimensions.forEach(d -> orderBy.add(d.name()));
    orderBy.add(StreamNames.TIME);

    Optional<Duration> rawRetention = Optional.ofNullable(spec.getRaw())
        .map(r -> r.getRetention())
        .map(Durations::parse);
    RawTable raw = new RawTable(names.raw(), rawColumns, orderBy, rawRetention);

    List<MeasureColumn> measures = measureColumns(spec);
    List<RollupTable> rollups = granularities(spec).stream()
        .map(g -> new RollupTable(g, names.rollup(g), names.view(g, schemaVersion), dimensions, measures,
            retention(spec, g)))
        .toList();
    return new StreamSchema(names.database(), schemaVersion, raw, rollups);
  }

  /** The declared rollup granularities from finest to coarsest; 1m, 1h and 1d when none are declared. */
  public static List<Granularity> granularities(AnalyticsStreamSpec spec) {
    if (spec.getRollups() == null || spec.getRollups().isEmpty()) {
      return DEFAULT_GRANULARITIES;
    }
    return spec.getRollups().stream()
        .map(RollupSpec::getGranularity)
        .filter(Objects::nonNull)
        .distinct()
        .sorted()
        .toList();
  }

  public static MeasureFunctions functions(MeasureSpec measure) {
    return new MeasureFunctions(measure.getAggregate(), measure.getQuantiles());
  }

  private static Column dimensionColumn(DimensionSpec d) {
    String type = ColumnTypes.of(d.getType());
    // LowCardinality is a storage choice for strings with few distinct values (validated to be a string)
    boolean lowCardinality = Boolean.TRUE.equals(d.getLowCardinality()) && d.getType() == FieldType.string;
    return new Column(d.getName(), lowCardinality ? "LowCardinality(" + type + ")" : type);
  }

  private static List<MeasureColumn> measureColumns(AnalyticsStreamSpec spec) {
    Map<String, FieldType> types = new HashMap<>();
    spec.getDimensions().forEach(d -> types.put(d.getName(), d.getType()));
    for (FieldSpec f : spec.getFields()) {
      types.put(f.getName(), f.getType());
    }
    return spec.getMeasures().stream().map(m -> {
      // the state type names the plain type: a state over a LowCardinality column is a state over its values
      String argumentType = m.getField() == null ? null : ColumnTypes.of(types.get(m.getField()));
      return new MeasureColumn(m.getName(), functions(m), m.getField(), argumentType);
    }).toList();
  }

  private static Optional<Duration> retention(AnalyticsStreamSpec spec, Granularity granularity) {
    if (spec.getRollups() == null) {
      return Optional.empty();
    }
    return spec.getRollups().stream()
        .filter(r -> r.getGranularity() == granularity && r.getRetention() != null)
        .map(r -> Durations.parse(r.getRetention()))
        .findFirst();
  }
}
