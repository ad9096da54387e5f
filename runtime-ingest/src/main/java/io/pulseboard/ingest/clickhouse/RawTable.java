package io.pulseboard.ingest.clickhouse;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Map;

/** The stream's raw table, as the worker uses it: batch inserts and the offsets already stored. */
public interface RawTable {
  /** Writes one batch of RowBinary rows, in the column order of {@link RawColumns#quoted}. */
  void insert(RowBinaryBody rows) throws ClickHouseException;

  /** Highest stored Kafka offset per partition; partitions without rows are absent. */
  Map<Integer, Long> maxOffsets(Collection<Integer> partitions) throws ClickHouseException;

  /** The bytes of an INSERT body, written on demand (again on a retry). */
  @FunctionalInterface
  interface RowBinaryBody {
    void writeTo(OutputStream out) throws IOException;
  }
}
