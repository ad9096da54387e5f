package io.pulseboard.ingest.kafka;

import io.pulseboard.ingest.clickhouse.ClickHouseException;
import io.pulseboard.ingest.clickhouse.RawTable;
import io.pulseboard.ingest.metrics.IngestMetrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two halves of storing a batch: the INSERT (on the insert thread) and, once it succeeded, the offset
 * commit (on the consumer thread, which owns the consumer). The loop delivers the batch's dead letters
 * before the INSERT starts, so nothing is committed unless everything before it succeeded.
 */
final class BatchFlusher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BatchFlusher.class);

  private final Consumer<byte[], byte[]> consumer;
  private final String topic;
  private final RawTable rawTable;
  private final IngestMetrics metrics;
  private final Clock clock;
  private final ExecutorService secondInsert;

  BatchFlusher(Consumer<byte[], byte[]> consumer, String topic, RawTable rawTable, IngestMetrics metrics, Clock clock,
      String stream) {
    this.consumer = consumer;
    this.topic = topic;
    this.rawTable = rawTable;
    this.metrics = metrics;
    this.clock = clock;
    this.secondInsert = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "pulseboard-insert-2-" + stream);
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Inserts the batch's rows. On failure the batch keeps every row it had before the call.
   *
   * @param retry whether an earlier attempt failed: the insert may have landed anyway (a timeout after
   *     the server stored it), so rows already in the raw table are taken out first
   */
  void insert(Batch batch, boolean retry) throws FlushException {
    int rows = batch.rows();
    if (rows == 0) {
      return;
    }
    try {
      if (retry) {
        int dropped = batch.dropStoredRows(rawTable.maxOffsets(batch.partitionsWithRows()));
        if (dropped > 0) {
          LOG.info("{} of {} rows of the failed batch had been stored already; inserting the rest", dropped, rows);
        }
      }
      if (batch.rows() > 0) {
        int bytes = batch.rowBytes();
        long started = System.nanoTime();
        insertInTwo(batch);
        metrics.batchInserted(batch.rows(), bytes, System.nanoTime() - started, clock.millis() - batch.newestEventMillis());
      }
      metrics.inserted(rows);
    } catch (ClickHouseException e) {
      throw new FlushException(e.getMessage(), e);
    }
  }

  /**
   * One INSERT per half of the batch's partitions, both at once: the server runs each INSERT (raw part
   * and views) on one thread, so two use a second core. Every partition's rows are in one INSERT, and
   * both return before the batch is committed or the next one starts, so each partition's rows still
   * arrive in order. When only one of them fails, the retry finds the other half's rows stored.
   */
  private void insertInTwo(Batch batch) throws ClickHouseException {
    List<Integer> partitions = new ArrayList<>(batch.partitionsWithRows());
    if (partitions.size() < 2) {
      rawTable.insert(batch::writeRowsTo);
      return;
    }
    Collections.sort(partitions);
    Set<Integer> even = new HashSet<>();
    Set<Integer> odd = new HashSet<>();
    for (int i = 0; i < partitions.size(); i++) {
      (i % 2 == 0 ? even : odd).add(partitions.get(i));
    }
    Future<?> second = secondInsert.submit(() -> {
      rawTable.insert(out -> batch.writeRowsTo(out, odd));
      return null;
    });
    ClickHouseException failure = null;
    try {
      rawTable.insert(out -> batch.writeRowsTo(out, even));
    } catch (ClickHouseException e) {
      failure = e;
    }
    // Wait for the other half in any case: the batch must not change while it is being written.
    boolean interrupted = false;
    while (true) {
      try {
        second.get();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause() instanceof ClickHouseException c ? c
              : new ClickHouseException("insert failed: " + e.getCause(), e.getCause());
        }
        break;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void close() {
    secondInsert.shutdownNow();
  }

  /**
   * Commits the position after a stored batch, then clears it. A failed commit loses nothing: the rows
   * are stored and the next owner continues after them. Only dead letters after the last row may be sent
   * again.
   */
  void commit(Batch batch) {
    Map<TopicPartition, OffsetAndMetadata> offsets = batch.commitOffsets(topic);
    batch.clear();
    for (int attempt = 1; ; attempt++) {
      try {
        consumer.commitSync(offsets);
        return;
      } catch (WakeupException e) {
        // A shutdown request; the wakeup is consumed, so the commit can simply be tried again.
        if (attempt == 2) {
          LOG.warn("commit of {} interrupted twice by shutdown; the stored rows keep the position", offsets);
          return;
        }
      } catch (KafkaException e) {
        LOG.warn("commit of {} failed; the stored rows keep the position: {}", offsets, e.getMessage());
        return;
      }
    }
  }

  /** A batch could not be stored; it is kept and tried again. */
  static final class FlushException extends Exception {
    FlushException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
