package io.pulseboard.ingest.kafka;

import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one batch handed over for storing, and the thread that INSERTs it while the consumer thread parses
 * the next one. Only one batch is handed over at a time, so batches reach ClickHouse (and their offsets
 * Kafka) in the order they were consumed: the effectively-once argument does not change.
 *
 * <p>Used by the consumer thread only. While an INSERT runs, only the insert thread touches the batch;
 * {@link #await} hands it back.
 */
final class InsertThread implements AutoCloseable {
  private final ExecutorService executor;
  private final BatchFlusher flusher;
  /** Handed over and not yet stored, or null. */
  private Batch batch;
  /** Its INSERT while one runs; null before the first attempt and after a failed one. */
  private Future<?> insert;
  private int events;
  private long bytes;

  InsertThread(String stream, BatchFlusher flusher) {
    this.flusher = flusher;
    this.executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "pulseboard-insert-" + stream);
      t.setDaemon(true);
      return t;
    });
  }

  /** Takes a batch over; the previous one must have been stored (or dropped) first. */
  void handOver(Batch next) {
    if (batch != null) {
      throw new IllegalStateException("a batch is still being stored");
    }
    batch = next;
    events = next.events();
    bytes = next.bytes();
  }

  /** Starts an INSERT of the handed-over batch; {@code retry} after a failed attempt (see {@link BatchFlusher#insert}). */
  void start(boolean retry) {
    Batch b = batch;
    insert = executor.submit(() -> {
      flusher.insert(b, retry);
      return null;
    });
  }

  boolean holds() {
    return batch != null;
  }

  boolean isRunning() {
    return insert != null;
  }

  boolean isFinished() {
    return insert != null && insert.isDone();
  }

  /**
   * Waits for the running INSERT. Returns the batch, stored, and lets it go; on failure keeps it for
   * another attempt and throws.
   */
  Batch await() throws BatchFlusher.FlushException {
    Future<?> running = insert;
    insert = null;
    boolean interrupted = false;
    try {
      while (true) {
        try {
          running.get();
          Batch stored = batch;
          batch = null;
          return stored;
        } catch (InterruptedException e) {
          interrupted = true; // the INSERT has its own timeout; the batch must not be left half-owned
        } catch (ExecutionException e) {
          if (e.getCause() instanceof BatchFlusher.FlushException failure) {
            throw failure;
          }
          throw new BatchFlusher.FlushException("the insert failed: " + e.getCause(), e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Takes out the events of partitions this worker no longer owns; no INSERT may be running. Returns
   * the batch when nothing is left of it, to be reused.
   */
  Batch dropPartitions(Set<Integer> partitions) {
    if (batch == null || insert != null) {
      throw new IllegalStateException("nothing to drop from while an insert runs or no batch is held");
    }
    batch.dropPartitions(partitions);
    events = batch.events();
    bytes = batch.bytes();
    if (!batch.isEmpty()) {
      return null;
    }
    Batch empty = batch;
    batch = null;
    return empty;
  }

  /** Events held by the handed-over batch, as counted when it was handed over (or last trimmed). */
  int events() {
    return batch == null ? 0 : events;
  }

  long bytes() {
    return batch == null ? 0 : bytes;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
