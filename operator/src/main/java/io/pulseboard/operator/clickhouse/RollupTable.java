package io.pulseboard.operator.clickhouse;

import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.v1alpha1.Granularity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One rollup of a stream and the materialized view that fills it from the raw table.
 *
 * @param granularity bucket size
 * @param name table name
 * @param view name of the view that fills the table
 * @param dimensions the dimension columns, typed as in the raw table
 * @param measures one aggregate state column per measure
 * @param retention how long buckets are kept, empty for ever
 */
public record RollupTable(Granularity granularity, String name, String view, List<Column> dimensions,
    List<MeasureColumn> measures, Optional<Duration> retention) {

  public RollupTable {
    dimensions = List.copyOf(dimensions);
    measures = List.copyOf(measures);
  }

  /** All columns in table order: the bucket, the dimensions, then the measures. */
  public List<Column> columns() {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column(StreamNames.BUCKET, StreamSchemas.TIME_TYPE));
    columns.addAll(dimensions);
    measures.forEach(m -> columns.add(m.column()));
    return columns;
  }
}
