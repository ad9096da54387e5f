package io.pulseboard.ingest.kafka;

import io.pulseboard.ingest.clickhouse.ClickHouseException;
import io.pulseboard.ingest.clickhouse.RawTable;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeks newly assigned partitions past what the raw table already holds. A partition whose position
 * cannot be determined yet (ClickHouse down) stays pending, and paused, until a retry succeeds: reading
 * it from the committed offset could insert rows a second time.
 */
final class PartitionPositioner {
  private static final Logger LOG = LoggerFactory.getLogger(PartitionPositioner.class);

  private final Consumer<byte[], byte[]> consumer;
  private final RawTable rawTable;
  private final Clock clock;
  private final Backoff backoff = new Backoff(500, 10_000);
  private final Set<TopicPartition> pending = new HashSet<>();
  private long nextAttemptMillis;

  PartitionPositioner(Consumer<byte[], byte[]> consumer, RawTable rawTable, Clock clock) {
    this.consumer = consumer;
    this.rawTable = rawTable;
    this.clock = clock;
  }

  void assigned(Collection<TopicPartition> partitions) {
    pending.addAll(partitions);
    nextAttemptMillis = 0;
    backoff.reset();
    retryIfDue();
  }

  void forget(Collection<TopicPartition> partitions) {
    pending.removeAll(partitions);
  }

  Set<TopicPartition> pending() {
    return pending;
  }

  /** Positions every pending partition, unless the last failed attempt is too recent. */
  void retryIfDue() {
    if (pending.isEmpty() || clock.millis() < nextAttemptMillis) {
      return;
    }
    try {
      Map<Integer, Long> stored = rawTable.maxOffsets(
          pending.stream().map(TopicPartition::partition).collect(Collectors.toSet()));
      Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(pending);
      Map<TopicPartition, OffsetAndMetadata> behind = new HashMap<>();
      for (TopicPartition tp : pending) {
        OffsetAndMetadata c = committed.get(tp);
        Long target = ResumePosition.of(c == null ? null : c.offset(), stored.get(tp.partition()));
        if (target != null) {
          consumer.seek(tp, target);
          if (c == null || c.offset() < target) {
            behind.put(tp, new OffsetAndMetadata(target));
          }
        }
        LOG.info("{} continues at offset {} (committed {}, highest stored {})",
            tp, target == null ? "auto.offset.reset" : target, c == null ? "none" : c.offset(), stored.get(tp.partition()));
      }
      pending.clear();
      catchUpCommits(behind);
      backoff.reset();
    } catch (WakeupException e) {
      throw e;
    } catch (ClickHouseException | KafkaException e) {
      long delay = backoff.next();
      nextAttemptMillis = clock.millis() + delay;
      LOG.warn("cannot position partitions {} yet, retrying in {} ms: {}", pending, delay, e.getMessage());
    }
  }

  /**
   * A crash between INSERT and commit leaves the committed offset behind the stored rows. Committing the
   * resume position at once keeps the group's offsets (and every lag monitor reading them) truthful even
   * when no new event arrives on that partition. A failure only means the offset catches up later.
   */
  private void catchUpCommits(Map<TopicPartition, OffsetAndMetadata> behind) {
    if (behind.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(behind);
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      LOG.warn("could not commit the resume positions {}: {}", behind, e.getMessage());
    }
  }
}
