package io.pulseboard.ingest.kafka;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends dead letters as they are found and, before a batch is committed, makes sure every one of them
 * is stored: a dead letter that failed is sent again on the next attempt, and the batch is not committed
 * until all are delivered.
 */
public final class DeadLetterPublisher {
  private final Producer<byte[], byte[]> producer;
  private final List<Pending> pending = new ArrayList<>();

  public DeadLetterPublisher(Producer<byte[], byte[]> producer) {
    this.producer = producer;
  }

  public void publish(ProducerRecord<byte[], byte[]> deadLetter, int sourcePartition) {
    pending.add(new Pending(deadLetter, sourcePartition, producer.send(deadLetter)));
  }

  /** Flushes the producer; throws when a dead letter could not be stored, after sending it again. */
  public void awaitDelivered() throws DeadLetterException {
    if (pending.isEmpty()) {
      return;
    }
    producer.flush();
    Exception firstFailure = null;
    int failed = 0;
    for (int i = 0; i < pending.size(); i++) {
      Pending p = pending.get(i);
      try {
        p.delivery.get();
        pending.set(i, null);
      } catch (ExecutionException e) {
        failed++;
        firstFailure = firstFailure == null ? (Exception) e.getCause() : firstFailure;
        pending.set(i, new Pending(p.record, p.sourcePartition, producer.send(p.record)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DeadLetterException("interrupted while waiting for dead letters", e);
      }
    }
    pending.removeIf(p -> p == null);
    if (failed > 0) {
      throw new DeadLetterException(failed + " dead letters could not be stored", firstFailure);
    }
  }

  /** Drops what is still waiting for partitions this worker no longer owns. */
  public void forget(Set<Integer> sourcePartitions) {
    for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
      if (sourcePartitions.contains(it.next().sourcePartition)) {
        it.remove();
      }
    }
  }

  /** Dead letters not yet confirmed stored. */
  int waiting() {
    return pending.size();
  }

  private record Pending(ProducerRecord<byte[], byte[]> record, int sourcePartition, Future<RecordMetadata> delivery) {}

  /** Dead letters could not be stored; the batch must not be committed. */
  public static final class DeadLetterException extends Exception {
    public DeadLetterException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
