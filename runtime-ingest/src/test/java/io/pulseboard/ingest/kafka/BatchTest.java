package io.pulseboard.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.pipeline.ColumnSpec;
import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.ingest.clickhouse.RowBinaryBuffer;
import io.pulseboard.ingest.clickhouse.RowEncoder;
import io.pulseboard.ingest.schema.ParsedEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class BatchTest {
  private static final List<ColumnSpec> COLUMNS = List.of(new ColumnSpec("n", FieldType.int64, "n", false, false));
  private static final RowEncoder ENCODER = new RowEncoder(COLUMNS, 1);
  /** _time 4 + n 8 + _partition 4 + _offset 8 + _ingested_at 4 + _schema_version 4. */
  private static final int ROW_BYTES = 32;

  @Test
  void writesTheRowsOfSomePartitionsInBatchOrder() throws IOException {
    Batch batch = new Batch(ENCODER, new BatchLimits(1000, 1 << 20, 60_000));
    batch.addRow(0, 10, event(1), 0, 1000);
    batch.addRow(0, 11, event(2), 0, 1000);
    batch.addRow(1, 20, event(3), 0, 1000);
    batch.addRow(2, 30, event(4), 0, 1000);
    batch.addRow(0, 12, event(5), 0, 1000);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    batch.writeRowsTo(all);
    byte[] rows = all.toByteArray();

    ByteArrayOutputStream some = new ByteArrayOutputStream();
    batch.writeRowsTo(some, Set.of(0, 2));

    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(rows, 0, 2 * ROW_BYTES);
    expected.write(rows, 3 * ROW_BYTES, 2 * ROW_BYTES);
    assertThat(some.toByteArray()).isEqualTo(expected.toByteArray());
    ByteArrayOutputStream rest = new ByteArrayOutputStream();
    batch.writeRowsTo(rest, Set.of(1));
    assertThat(rest.toByteArray()).isEqualTo(java.util.Arrays.copyOfRange(rows, 2 * ROW_BYTES, 3 * ROW_BYTES));
  }

  @Test
  void isFullAtTheEventLimitCountingDeadLetters() {
    Batch batch = new Batch(ENCODER, new BatchLimits(3, 1 << 20, 60_000));
    batch.addRow(0, 10, event(1), 0, 1000);
    batch.addDeadLetter(0, 11, 50, 1000);
    assertThat(batch.isFull()).isFalse();

    batch.addRow(0, 12, event(2), 0, 1000);

    assertThat(batch.isFull()).isTrue();
    assertThat(batch.rows()).isEqualTo(2);
    assertThat(batch.events()).isEqualTo(3);
  }

  @Test
  void isFullAtTheByteLimitCountingDeadLetterBytes() {
    Batch batch = new Batch(ENCODER, new BatchLimits(1000, 2 * ROW_BYTES + 10, 60_000));
    batch.addRow(0, 0, event(1), 0, 1000);
    batch.addRow(0, 1, event(2), 0, 1000);
    assertThat(batch.bytes()).isEqualTo(2 * ROW_BYTES);
    assertThat(batch.isFull()).isFalse();

    batch.addDeadLetter(0, 2, 10, 1000);

    assertThat(batch.isFull()).isTrue();
  }

  @Test
  void isDueWhenTheFirstEventWaitedTheMaximumDelay() {
    Batch batch = new Batch(ENCODER, new BatchLimits(1000, 1 << 20, 500));
    assertThat(batch.isDue(10_000)).as("empty batches are never due").isFalse();
    assertThat(batch.millisUntilDue(10_000, 123)).isEqualTo(123);

    batch.addRow(0, 0, event(1), 0, 10_000);
    batch.addRow(0, 1, event(2), 0, 10_400);

    assertThat(batch.isDue(10_499)).isFalse();
    assertThat(batch.millisUntilDue(10_200, 123)).isEqualTo(300);
    assertThat(batch.isDue(10_500)).isTrue();
  }

  @Test
  void commitsOnePastTheLastEventOfEachPartitionIncludingDeadLetters() {
    Batch batch = new Batch(ENCODER, new BatchLimits(1000, 1 << 20, 500));
    batch.addRow(0, 5, event(1), 0, 0);
    batch.addRow(1, 7, event(2), 0, 0);
    batch.addDeadLetter(0, 6, 3, 0);

    assertThat(batch.commitOffsets("t")).isEqualTo(Map.of(
        new TopicPartition("t", 0), new OffsetAndMetadata(7),
        new TopicPartition("t", 1), new OffsetAndMetadata(8)));
  }

  @Test
  void dropsRowsAlreadyStoredAndKeepsTheRestByteExact() throws IOException {
    Batch batch = new Batch(ENCODER, new BatchLimits(1000, 1 << 20, 500));
    batch.addRow(0, 5, event(50), 0, 0);
    batch.addRow(1, 7, event(70), 0, 0);
    batch.addRow(0, 6, event(60), 0, 0);
    batch.addRow(1, 8, event(80), 0, 0);

    int dropped = batch.dropStoredRows(Map.of(0, 5L, 1, 8L));

    assertThat(dropped).isEqualTo(3);
    assertThat(rowsOf(batch)).isEqualTo(encoded(new int[] {0, 6, 60}));
    assertThat(batch.commitOffsets("t")).as("offsets still cover every consumed event")
        .containsEntry(new TopicPartition("t", 1), new OffsetAndMetadata(9));
  }

  @Test
  void forgetsPartitionsThatWereRevoked() throws IOException {
    Batch batch = new Batch(ENCODER, new BatchLimits(1000, 1 << 20, 500));
    batch.addRow(0, 5, event(50), 0, 0);
    batch.addRow(1, 7, event(70), 0, 0);
    batch.addDeadLetter(2, 1, 10, 0);

    batch.dropPartitions(Set.of(1, 2));

    assertThat(rowsOf(batch)).isEqualTo(encoded(new int[] {0, 5, 50}));
    assertThat(batch.commitOffsets("t")).containsOnlyKeys(new TopicPartition("t", 0));

    batch.dropPartitions(Set.of(0));
    assertThat(batch.isEmpty()).isTrue();
  }

  private static ParsedEvent event(long n) {
    return new ParsedEvent(0, new Object[] {n});
  }

  private static byte[] rowsOf(Batch batch) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    batch.writeRowsTo(out);
    return out.toByteArray();
  }

  /** Rows of (partition, offset, n). */
  private static byte[] encoded(int[]... rows) {
    RowBinaryBuffer buffer = new RowBinaryBuffer(64);
    for (int[] row : rows) {
      ENCODER.encode(event(row[2]), row[0], row[1], 0, buffer);
    }
    return buffer.toByteArray();
  }
}
