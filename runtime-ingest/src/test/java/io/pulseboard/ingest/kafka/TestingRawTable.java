package io.pulseboard.ingest.kafka;

import io.pulseboard.ingest.clickhouse.ClickHouseException;
import io.pulseboard.ingest.clickhouse.RawTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory raw table for a pipeline with one int64 column: it decodes the RowBinary rows it gets and
 * can be told to fail, or to store a batch and then fail as a lost response would.
 */
final class TestingRawTable implements RawTable {
  /** _time 4, n 8, _partition 4, _offset 8, _ingested_at 4, _schema_version 4. */
  static final int ROW_BYTES = 32;

  record Row(int partition, long offset, long n) {}

  private final List<Row> rows = new ArrayList<>();
  private int insertsToRefuse;
  private int insertsToLoseAfterStoring;
  private int queriesToRefuse;
  private int inserts;

  synchronized void refuseInserts(int count) {
    insertsToRefuse = count;
  }

  synchronized void storeThenFail(int count) {
    insertsToLoseAfterStoring = count;
  }

  synchronized void refuseQueries(int count) {
    queriesToRefuse = count;
  }

  synchronized void store(int partition, long offset) {
    rows.add(new Row(partition, offset, -1));
  }

  synchronized List<Row> rows() {
    return List.copyOf(rows);
  }

  synchronized int inserts() {
    return inserts;
  }

  @Override
  public synchronized void insert(RowBinaryBody body) throws ClickHouseException {
    inserts++;
    if (insertsToRefuse > 0) {
      insertsToRefuse--;
      throw new ClickHouseException("connection refused", null);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      body.writeTo(out);
    } catch (IOException e) {
      throw new ClickHouseException("cannot write", e);
    }
    ByteBuffer buffer = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    if (buffer.remaining() % ROW_BYTES != 0) {
      throw new ClickHouseException("body of " + buffer.remaining() + " bytes is not whole rows", null);
    }
    while (buffer.hasRemaining()) {
      buffer.getInt();
      long n = buffer.getLong();
      int partition = buffer.getInt();
      long offset = buffer.getLong();
      buffer.getInt();
      buffer.getInt();
      rows.add(new Row(partition, offset, n));
    }
    if (insertsToLoseAfterStoring > 0) {
      insertsToLoseAfterStoring--;
      throw new ClickHouseException("read timed out", null);
    }
  }

  @Override
  public synchronized Map<Integer, Long> maxOffsets(Collection<Integer> partitions) throws ClickHouseException {
    if (queriesToRefuse > 0) {
      queriesToRefuse--;
      throw new ClickHouseException("connection refused", null);
    }
    Map<Integer, Long> max = new HashMap<>();
    for (Row row : rows) {
      if (partitions.contains(row.partition())) {
        max.merge(row.partition(), row.offset(), Math::max);
      }
    }
    return max;
  }
}
