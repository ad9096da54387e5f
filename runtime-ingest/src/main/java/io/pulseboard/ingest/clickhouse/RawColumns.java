package io.pulseboard.ingest.clickhouse;

import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.pipeline.ColumnSpec;
import java.util.ArrayList;
import java.util.List;

/** The raw table's columns in the order the worker writes them, backquoted for SQL. */
public final class RawColumns {
  private RawColumns() {}

  /** {@code _time}, the pipeline's columns, {@code _partition}, {@code _offset}, {@code _ingested_at}. */
  public static List<String> quoted(List<ColumnSpec> columns) {
    List<String> quoted = new ArrayList<>(columns.size() + 4);
    quoted.add(Identifiers.quoteColumn(StreamNames.TIME));
    for (ColumnSpec column : columns) {
      quoted.add(Identifiers.quote(column.name()));
    }
    quoted.add(Identifiers.quoteColumn(StreamNames.PARTITION));
    quoted.add(Identifiers.quoteColumn(StreamNames.OFFSET));
    quoted.add(Identifiers.quoteColumn(StreamNames.INGESTED_AT));
    quoted.add(Identifiers.quoteColumn(StreamNames.SCHEMA_VERSION));
    return List.copyOf(quoted);
  }
}
