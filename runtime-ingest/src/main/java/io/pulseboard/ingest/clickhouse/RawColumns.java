package io.pulseboard.ingest.clickhouse;

import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.pipeline.ColumnSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The raw table's columns in the order the worker writes them, backquoted for SQL. */
public final class RawColumns {
  /** Bookkeeping names start with an underscore, which user identifiers may not; they are constants, not input. */
  private static final Set<String> BOOKKEEPING =
      Set.of(StreamNames.TIME, StreamNames.PARTITION, StreamNames.OFFSET, StreamNames.INGESTED_AT);

  private RawColumns() {}

  /** {@code _time}, the pipeline's columns, {@code _partition}, {@code _offset}, {@code _ingested_at}. */
  public static List<String> quoted(List<ColumnSpec> columns) {
    List<String> quoted = new ArrayList<>(columns.size() + 4);
    quoted.add(quoteBookkeeping(StreamNames.TIME));
    for (ColumnSpec column : columns) {
      quoted.add(Identifiers.quote(column.name()));
    }
    quoted.add(quoteBookkeeping(StreamNames.PARTITION));
    quoted.add(quoteBookkeeping(StreamNames.OFFSET));
    quoted.add(quoteBookkeeping(StreamNames.INGESTED_AT));
    return List.copyOf(quoted);
  }

  /** Backquotes one of the raw table's bookkeeping columns. */
  public static String quoteBookkeeping(String name) {
    if (!BOOKKEEPING.contains(name)) {
      throw new IllegalArgumentException(name + " is not a bookkeeping column");
    }
    return "`" + name + "`";
  }
}
