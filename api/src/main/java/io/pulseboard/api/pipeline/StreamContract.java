package io.pulseboard.api.pipeline;

import java.util.List;

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
 */
public record StreamContract(
    String name,
    int schemaVersion,
    String database,
    String base,
    List<String> granularities,
    List<ColumnSpec> dimensions,
    List<MeasureContract> measures) {
  public StreamContract {
    granularities = List.copyOf(granularities);
    dimensions = List.copyOf(dimensions);
    measures = List.copyOf(measures);
  }
}
