package io.pulseboard.ingest.kafka;

import io.pulseboard.ingest.clickhouse.RowBinaryBuffer;
import io.pulseboard.ingest.clickhouse.RowEncoder;
import io.pulseboard.ingest.schema.ParsedEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The events consumed since the last commit: encoded rows for the raw table plus the Kafka position to
 * commit once they are stored. It remembers each row's partition and offset, so rows that already
 * reached ClickHouse, or rows of a partition this worker lost, can be taken out before a retry.
 */
public final class Batch {
  private final RowEncoder encoder;
  private final BatchLimits limits;
  private RowBinaryBuffer rows;
  private int rowCount;
  private int[] rowStarts = new int[1024];
  private int[] rowPartitions = new int[1024];
  private long[] rowOffsets = new long[1024];
  private final Map<Integer, Long> nextOffsets = new HashMap<>();
  private int events;
  private long deadLetterBytes;
  private long firstEventAtMillis;
  private long newestEventMillis = Long.MIN_VALUE;

  public Batch(RowEncoder encoder, BatchLimits limits) {
    this.encoder = encoder;
    this.limits = limits;
    this.rows = new RowBinaryBuffer(64 * 1024);
  }

  public void addRow(int partition, long offset, ParsedEvent event, long ingestedAtSeconds, long nowMillis) {
    grow();
    rowStarts[rowCount] = rows.size();
    rowPartitions[rowCount] = partition;
    rowOffsets[rowCount] = offset;
    rowCount++;
    encoder.encode(event, partition, offset, ingestedAtSeconds, rows);
    newestEventMillis = Math.max(newestEventMillis, event.timeMillis());
    consumed(partition, offset, nowMillis);
  }

  /** Accounts for an event that went to the dead-letter topic, so its offset is committed with the batch. */
  public void addDeadLetter(int partition, long offset, int bytes, long nowMillis) {
    deadLetterBytes += bytes;
    consumed(partition, offset, nowMillis);
  }

  public boolean isEmpty() {
    return events == 0;
  }

  public boolean isFull() {
    return events >= limits.maxEvents() || bytes() >= limits.maxBytes();
  }

  public boolean isDue(long nowMillis) {
    return !isEmpty() && nowMillis - firstEventAtMillis >= limits.maxDelayMillis();
  }

  /** Milliseconds until the batch is due, or {@code fallback} when it is empty. */
  public long millisUntilDue(long nowMillis, long fallback) {
    return isEmpty() ? fallback : Math.max(0, firstEventAtMillis + limits.maxDelayMillis() - nowMillis);
  }

  public int rows() {
    return rowCount;
  }

  public int events() {
    return events;
  }

  /** Encoded row bytes plus the bytes of the dead letters waiting with this batch. */
  public long bytes() {
    return rows.size() + deadLetterBytes;
  }

  public int rowBytes() {
    return rows.size();
  }

  public long newestEventMillis() {
    return newestEventMillis;
  }

  public void writeRowsTo(OutputStream out) throws IOException {
    rows.writeTo(out);
  }

  /** Writes the rows of the given partitions only, in batch order (runs of adjacent rows in one write). */
  public void writeRowsTo(OutputStream out, Set<Integer> partitions) throws IOException {
    int runStart = -1;
    for (int i = 0; i <= rowCount; i++) {
      boolean keep = i < rowCount && partitions.contains(rowPartitions[i]);
      if (keep && runStart < 0) {
        runStart = rowStarts[i];
      } else if (!keep && runStart >= 0) {
        int end = i < rowCount ? rowStarts[i] : rows.size();
        rows.writeTo(out, runStart, end);
        runStart = -1;
      }
    }
  }

  public Set<Integer> partitionsWithRows() {
    Set<Integer> partitions = new HashSet<>();
    for (int i = 0; i < rowCount; i++) {
      partitions.add(rowPartitions[i]);
    }
    return partitions;
  }

  /** The offsets to commit once this batch is stored: one past the last consumed event per partition. */
  public Map<TopicPartition, OffsetAndMetadata> commitOffsets(String topic) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    nextOffsets.forEach((partition, next) -> offsets.put(new TopicPartition(topic, partition), new OffsetAndMetadata(next)));
    return offsets;
  }

  /**
   * Removes rows that are already in ClickHouse: those at or below the highest stored offset of their
   * partition. Returns how many rows were removed.
   */
  public int dropStoredRows(Map<Integer, Long> maxStoredOffsets) {
    return keepRows(i -> {
      Long stored = maxStoredOffsets.get(rowPartitions[i]);
      return stored == null || rowOffsets[i] > stored;
    });
  }

  /** Forgets everything of partitions this worker no longer owns; their new owner consumes them again. */
  public void dropPartitions(Set<Integer> partitions) {
    keepRows(i -> !partitions.contains(rowPartitions[i]));
    nextOffsets.keySet().removeAll(partitions);
    if (nextOffsets.isEmpty()) {
      clear();
    }
  }

  public void clear() {
    rows.clear();
    rowCount = 0;
    nextOffsets.clear();
    events = 0;
    deadLetterBytes = 0;
    newestEventMillis = Long.MIN_VALUE;
  }

  /** Compacts the rows in place; row i is read before any slot at index >= i is overwritten. */
  private int keepRows(IntPredicate keep) {
    RowBinaryBuffer kept = new RowBinaryBuffer(rows.size());
    int count = 0;
    for (int i = 0; i < rowCount; i++) {
      if (keep.test(i)) {
        int end = i + 1 < rowCount ? rowStarts[i + 1] : rows.size();
        int start = kept.size();
        kept.append(rows, rowStarts[i], end);
        rowStarts[count] = start;
        rowPartitions[count] = rowPartitions[i];
        rowOffsets[count] = rowOffsets[i];
        count++;
      }
    }
    int dropped = rowCount - count;
    rows = kept;
    rowCount = count;
    return dropped;
  }

  private void consumed(int partition, long offset, long nowMillis) {
    if (events == 0) {
      firstEventAtMillis = nowMillis;
    }
    events++;
    nextOffsets.merge(partition, offset + 1, Math::max);
  }

  private void grow() {
    if (rowCount == rowStarts.length) {
      int capacity = rowStarts.length * 2;
      rowStarts = Arrays.copyOf(rowStarts, capacity);
      rowPartitions = Arrays.copyOf(rowPartitions, capacity);
      rowOffsets = Arrays.copyOf(rowOffsets, capacity);
    }
  }
}
