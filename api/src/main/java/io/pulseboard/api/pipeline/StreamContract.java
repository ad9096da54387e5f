package io.pulseboard.api.pipeline;

import java.util.List;
import java.util.Map;

/**
 * What the query service knows of one stream: its tables and typed columns. It is compiled into SQL by
 * the query service, never taken from a client.
 *
 * @param name the AnalyticsStream's name
 * @param schemaVersion the applied schema version; part of every cache key
 * @param database ClickHouse database
 * @param base the stream's table name prefix (see StreamNames)
 * @param granularities the rollups that exist, as labels 1m, 1h, 1d
 * @param dimensions the dimension columns
 * @param measures the measures
 * @param tables the rollup table to read for each granularity label, such as {@code checkout_1m_v3}: a schema
 *     change can move a rollup to a new table generation (see operator/DESIGN.md)
 * @param freshnessMaxAgeMillis the stream's freshness threshold (spec.freshness.maxAge, default 5m): the
 *     longest time since the newest ingested row for the stream to count as fresh
 */
public record StreamContract(
    String name,
    int schemaVersion,
    String database,
    String base,
    List<String> granularities,
    List<ColumnSpec> dimensions,
    List<MeasureContract> measures,
    Map<String, String> tables,
    Long freshnessMaxAgeMillis) {
  /** The freshness threshold when the stream sets none (the Fresh condition's default). */
  public static final long DEFAULT_FRESHNESS_MAX_AGE_MILLIS = 300_000;

  public StreamContract {
    granularities = List.copyOf(granularities);
    dimensions = List.copyOf(dimensions);
    measures = List.copyOf(measures);
    tables = tables == null ? Map.of() : Map.copyOf(tables);
    freshnessMaxAgeMillis = freshnessMaxAgeMillis == null ? DEFAULT_FRESHNESS_MAX_AGE_MILLIS : freshnessMaxAgeMillis;
  }

  /** A contract with the default freshness threshold. */
  public StreamContract(String name, int schemaVersion, String database, String base, List<String> granularities,
      List<ColumnSpec> dimensions, List<MeasureContract> measures, Map<String, String> tables) {
    this(name, schemaVersion, database, base, granularities, dimensions, measures, tables, null);
  }

  /** A contract whose rollups are the first generation, {@code <base>_<granularity>}. */
  public StreamContract(String name, int schemaVersion, String database, String base, List<String> granularities,
      List<ColumnSpec> dimensions, List<MeasureContract> measures) {
    this(name, schemaVersion, database, base, granularities, dimensions, measures, Map.of(), null);
  }

  /** The rollup table of a granularity label: the one named in {@link #tables}, else {@code <base>_<label>}. */
  public String table(String granularity) {
    return tables.getOrDefault(granularity, base + "_" + granularity);
  }
}
