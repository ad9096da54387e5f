package io.pulseboard.ingest.kafka;

import io.pulseboard.api.pipeline.IngestPipeline;
import io.pulseboard.ingest.clickhouse.RawTable;
import io.pulseboard.ingest.clickhouse.RowEncoder;
import io.pulseboard.ingest.metrics.IngestMetrics;
import io.pulseboard.ingest.metrics.WorkerHealth;
import io.pulseboard.ingest.schema.EventParser;
import io.pulseboard.ingest.schema.ParseResult;
import io.pulseboard.ingest.schema.ParsedEvent;
import io.pulseboard.ingest.schema.Rejection;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer thread: poll, parse, batch, store, commit. At most one batch is held. When it cannot be
 * stored, every assigned partition is paused (poll keeps being called, so the group membership stays)
 * and the batch is retried with backoff; consumption resumes after it is stored.
 */
public final class IngestLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestLoop.class);
  private static final long IDLE_POLL_MILLIS = 500;
  private static final long DEAD_LETTER_LOG_INTERVAL_MILLIS = 10_000;

  private final Consumer<byte[], byte[]> consumer;
  private final IngestPipeline pipeline;
  private final EventParser parser;
  private final Batch batch;
  private final DeadLetterPublisher deadLetters;
  private final BatchFlusher flusher;
  private final PartitionPositioner positioner;
  private final IngestMetrics metrics;
  private final WorkerHealth health;
  private final Clock clock;
  private final Backoff backoff = new Backoff(250, 10_000);
  private volatile boolean running = true;
  /** A batch could not be stored: every partition is paused until it is. */
  private boolean stuck;
  private long nextAttemptMillis;
  private long lastDeadLetterLogMillis;

  public IngestLoop(IngestPipeline pipeline, Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer,
      RawTable rawTable, IngestMetrics metrics, WorkerHealth health, Clock clock) {
    this.pipeline = pipeline;
    this.consumer = consumer;
    this.parser = new EventParser(pipeline, clock);
    this.batch = new Batch(new RowEncoder(pipeline.columns(), pipeline.schemaVersion()), BatchLimits.of(pipeline));
    this.deadLetters = new DeadLetterPublisher(producer);
    this.flusher = new BatchFlusher(consumer, pipeline.topic(), deadLetters, rawTable, metrics, clock);
    this.positioner = new PartitionPositioner(consumer, rawTable, clock);
    this.metrics = metrics;
    this.health = health;
    this.clock = clock;
  }

  /** Asks the loop to store its batch, commit and return; safe from any thread. */
  public void stop() {
    running = false;
    consumer.wakeup();
  }

  @Override
  public void run() {
    health.loopStarted();
    try {
      consumer.subscribe(List.of(pipeline.topic()), new Rebalance());
      while (running) {
        try {
          step();
        } catch (WakeupException e) {
          // Only stop() wakes the consumer up; the loop condition sees it.
        }
      }
      finish();
    } finally {
      health.loopStopped();
      // Leave the group even as a static member: a replica that stops on purpose hands its partitions over now.
      consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
  }

  private void step() {
    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(pollMillis()));
    health.heartbeat();
    if (!positioner.pending().isEmpty()) {
      positioner.retryIfDue();
      applyPauses();
    }
    if (stuck) {
      rewind(records.iterator());
      if (clock.millis() >= nextAttemptMillis) {
        tryFlush();
      }
      return;
    }
    process(records);
    if (batch.isDue(clock.millis())) {
      tryFlush();
    }
    metrics.held(batch.events(), batch.bytes());
  }

  /** Flushes a full batch; its size is reported first, so the held-peak gauges see the largest batch. */
  private boolean flushFull() {
    metrics.held(batch.events(), batch.bytes());
    return tryFlush();
  }

  /** Until the next thing to do, but never long: the heartbeat behind /healthz is set after each poll. */
  private long pollMillis() {
    long now = clock.millis();
    long until = stuck ? nextAttemptMillis - now : batch.millisUntilDue(now, IDLE_POLL_MILLIS);
    return Math.max(1, Math.min(IDLE_POLL_MILLIS, until));
  }

  private void process(ConsumerRecords<byte[], byte[]> records) {
    Iterator<ConsumerRecord<byte[], byte[]>> it = records.iterator();
    while (it.hasNext()) {
      handle(it.next());
      if (batch.isFull() && !flushFull()) {
        // Memory holds one batch only: what this poll returned beyond it is fetched again later.
        rewind(it);
        return;
      }
    }
  }

  private void handle(ConsumerRecord<byte[], byte[]> record) {
    metrics.consumed(1);
    ParseResult result = parser.parse(record.value());
    long now = clock.millis();
    if (result instanceof ParsedEvent event) {
      batch.addRow(record.partition(), record.offset(), event, now / 1000, now);
      return;
    }
    Rejection rejection = (Rejection) result;
    deadLetters.publish(DeadLetters.of(pipeline.deadLetterTopic(), record, rejection), record.partition());
    batch.addDeadLetter(record.partition(), record.offset(), record.value() == null ? 0 : record.value().length, now);
    metrics.deadLettered(rejection.reason());
    if (now - lastDeadLetterLogMillis >= DEAD_LETTER_LOG_INTERVAL_MILLIS) {
      lastDeadLetterLogMillis = now;
      LOG.warn("dead letter {}-{}@{}: {} ({}); further ones are only counted for {} s",
          record.topic(), record.partition(), record.offset(), rejection.reason(), rejection.detail(),
          DEAD_LETTER_LOG_INTERVAL_MILLIS / 1000);
    } else {
      LOG.debug("dead letter {}-{}@{}: {} ({})", record.topic(), record.partition(), record.offset(),
          rejection.reason(), rejection.detail());
    }
  }

  /** Tries to store the batch; on failure pauses everything and schedules the next attempt. */
  private boolean tryFlush() {
    int rows = batch.rows();
    try {
      flusher.flush(batch, stuck);
      if (stuck) {
        LOG.info("stored the held batch; resuming consumption");
        stuck = false;
        backoff.reset();
        applyPauses();
      }
      return true;
    } catch (BatchFlusher.FlushException e) {
      metrics.insertFailed();
      long delay = backoff.next();
      nextAttemptMillis = clock.millis() + delay;
      LOG.warn("cannot store a batch of {} rows ({} events); consumption paused, retrying in {} ms: {}",
          rows, batch.events(), delay, e.getMessage());
      if (!stuck) {
        stuck = true;
        applyPauses();
      }
      return false;
    }
  }

  /** Seeks each partition back to the first of the given records not yet handled. */
  private void rewind(Iterator<ConsumerRecord<byte[], byte[]>> unhandled) {
    Map<TopicPartition, Long> first = new HashMap<>();
    while (unhandled.hasNext()) {
      ConsumerRecord<byte[], byte[]> r = unhandled.next();
      first.putIfAbsent(new TopicPartition(r.topic(), r.partition()), r.offset());
    }
    first.forEach(consumer::seek);
  }

  /** Paused: everything while stuck, else the partitions that do not know their position yet. */
  private void applyPauses() {
    Set<TopicPartition> assigned = consumer.assignment();
    Set<TopicPartition> paused = new HashSet<>(stuck ? assigned : positioner.pending());
    paused.retainAll(assigned);
    Set<TopicPartition> running = new HashSet<>(assigned);
    running.removeAll(paused);
    consumer.pause(paused);
    consumer.resume(running);
    metrics.paused(stuck);
    health.storing(!stuck);
    health.positioned(positioner.pending().isEmpty());
  }

  /** On shutdown: one last attempt to store and commit; what fails is consumed again after a restart. */
  private void finish() {
    if (batch.isEmpty()) {
      return;
    }
    try {
      flusher.flush(batch, stuck);
      LOG.info("stored and committed the last batch before stopping");
    } catch (BatchFlusher.FlushException e) {
      LOG.warn("could not store the last batch of {} rows before stopping; it will be consumed again: {}",
          batch.rows(), e.getMessage());
      batch.clear();
    }
  }

  private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
    return partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
  }

  /** Runs inside poll() on the loop thread. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      positioner.forget(partitions);
      if (partitions.isEmpty() || batch.isEmpty()) {
        return;
      }
      // Store what we hold while the partitions are still ours; otherwise let the next owner redo them.
      if (!tryFlush()) {
        forget(partitions);
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      positioner.forget(partitions);
      forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      health.joined();
      if (!partitions.isEmpty()) {
        LOG.info("assigned {}", partitions);
        positioner.assigned(partitions);
      }
      applyPauses();
    }

    private void forget(Collection<TopicPartition> partitions) {
      Set<Integer> numbers = numbers(partitions);
      batch.dropPartitions(numbers);
      deadLetters.forget(numbers);
      LOG.info("dropped the held events of {}; their new owner consumes them again", partitions);
      if (stuck && batch.isEmpty()) {
        stuck = false;
        backoff.reset();
        applyPauses();
      }
    }
  }
}
