package io.pulseboard.operator.clickhouse;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The raw event table of a stream.
 *
 * @param name table name
 * @param columns all columns in table order
 * @param orderBy the sorting key columns
 * @param retention how long rows are kept, empty for ever
 */
public record RawTable(String name, List<Column> columns, List<String> orderBy, Optional<Duration> retention) {
  public RawTable {
    columns = List.copyOf(columns);
    orderBy = List.copyOf(orderBy);
  }
}
