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
 * The consumer thread: poll, parse, batch, hand the batch to the {@link InsertThread}, commit once it is
 * stored. While batch n is inserted, batch n+1 is filled, so parsing and the server's INSERT overlap; at
 * most these two batches are held. When a batch cannot be stored, every assigned partition is paused
 * (poll keeps being called, so the group membership stays) and the batch is retried with backoff;
 * consumption resumes after it is stored.
 */
public final class IngestLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestLoop.class);
  private static final long IDLE_POLL_MILLIS = 500;
  private static final long DEAD_LETTER_LOG_INTERVAL_MILLIS = 10_000;
  private static final long INSERT_CHECK_MILLIS = 50;

  private final Consumer<byte[], byte[]> consumer;
  private final IngestPipeline pipeline;
  private final EventParser parser;
  private final DeadLetterPublisher deadLetters;
  private final BatchFlusher flusher;
  private final InsertThread inserts;
  private final PartitionPositioner positioner;
  private final IngestMetrics metrics;
  private final WorkerHealth health;
  private final Clock clock;
  private final Backoff backoff = new Backoff(250, 10_000);
  private volatile boolean running = true;
  /** The batch events are added to. */
  private Batch filling;
  /** The second batch buffer while {@link #filling} is the only batch held; null while two are held. */
  private Batch spare;
  /** The handed-over batch could not be stored: every partition is paused until it is. */
  private boolean stuck;
  private long nextAttemptMillis;
  private long lastDeadLetterLogMillis;

  public IngestLoop(IngestPipeline pipeline, Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer,
      RawTable rawTable, IngestMetrics metrics, WorkerHealth health, Clock clock) {
    this.pipeline = pipeline;
    this.consumer = consumer;
    this.parser = new EventParser(pipeline, clock);
    RowEncoder encoder = new RowEncoder(pipeline.columns(), pipeline.schemaVersion());
    this.filling = new Batch(encoder, BatchLimits.of(pipeline));
    this.spare = new Batch(encoder, BatchLimits.of(pipeline));
    this.deadLetters = new DeadLetterPublisher(producer);
    this.flusher = new BatchFlusher(consumer, pipeline.topic(), rawTable, metrics, clock, pipeline.stream());
    this.inserts = new InsertThread(pipeline.stream(), flusher);
    this.positioner = new PartitionPositioner(consumer, rawTable, clock);
    this.metrics = metrics;
    this.health = health;
    this.clock = clock;
  }

  /** Asks the loop to store its batches, commit and return; safe from any thread. */
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
      inserts.close();
      flusher.close();
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
    collectInsert(false);
    if (stuck) {
      rewind(records.iterator());
      if (!inserts.isRunning() && clock.millis() >= nextAttemptMillis) {
        startInsert(true);
      }
      reportHeld();
      return;
    }
    process(records);
    // A due batch waits for a running INSERT without blocking the loop: it keeps filling (up to its
    // size limits) instead, so under a backlog batches grow to what one INSERT takes to store.
    if (filling.isDue(clock.millis()) && !inserts.isRunning()) {
      handOver();
    }
    reportHeld();
  }

  /** Until the next thing to do, but never long: the heartbeat behind /healthz is set after each poll. */
  private long pollMillis() {
    long now = clock.millis();
    long until = stuck ? nextAttemptMillis - now : filling.millisUntilDue(now, IDLE_POLL_MILLIS);
    if (inserts.isRunning()) {
      // Nothing is handed over before the running INSERT returns: look again soon, to commit it (or
      // schedule its retry) and hand over the next batch.
      until = INSERT_CHECK_MILLIS;
    }
    return Math.max(1, Math.min(IDLE_POLL_MILLIS, until));
  }

  private void process(ConsumerRecords<byte[], byte[]> records) {
    Iterator<ConsumerRecord<byte[], byte[]>> it = records.iterator();
    while (it.hasNext()) {
      handle(it.next());
      if (filling.isFull()) {
        reportHeld(); // the peak gauges see the largest holding: both batches full
        if (!handOver()) {
          // Memory holds two batches only: what this poll returned beyond them is fetched again later.
          rewind(it);
          return;
        }
      }
    }
  }

  private void handle(ConsumerRecord<byte[], byte[]> record) {
    metrics.consumed(1);
    ParseResult result = parser.parse(record.value());
    long now = clock.millis();
    if (result instanceof ParsedEvent event) {
      filling.addRow(record.partition(), record.offset(), event, now / 1000, now);
      return;
    }
    Rejection rejection = (Rejection) result;
    deadLetters.publish(DeadLetters.of(pipeline.deadLetterTopic(), record, rejection), record.partition());
    filling.addDeadLetter(record.partition(), record.offset(), record.value() == null ? 0 : record.value().length, now);
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

  /**
   * Hands the filling batch to the insert thread once the previous one is stored and committed (waiting
   * for it if need be). False when the previous one could not be stored: the loop is stuck.
   */
  private boolean handOver() {
    collectInsert(true);
    if (stuck) {
      return false;
    }
    if (filling.isEmpty()) {
      return true;
    }
    inserts.handOver(filling);
    filling = spare;
    spare = null;
    startInsert(false);
    return !stuck;
  }

  /** Dead letters of the handed-over batch are delivered first, then its INSERT starts on the insert thread. */
  private void startInsert(boolean retry) {
    try {
      deadLetters.awaitDelivered();
    } catch (DeadLetterPublisher.DeadLetterException e) {
      failed(e.getMessage());
      return;
    }
    inserts.start(retry);
  }

  /** When the running INSERT has returned (or, with {@code wait}, once it has): commits its batch, or gets stuck. */
  private void collectInsert(boolean wait) {
    if (!inserts.isRunning() || (!wait && !inserts.isFinished())) {
      return;
    }
    try {
      Batch stored = inserts.await();
      flusher.commit(stored);
      spare = stored;
      if (stuck) {
        LOG.info("stored the held batch; resuming consumption");
        stuck = false;
        backoff.reset();
        applyPauses();
      }
    } catch (BatchFlusher.FlushException e) {
      failed(e.getMessage());
    }
  }

  /** The handed-over batch could not be stored: pause everything and schedule the next attempt. */
  private void failed(String reason) {
    metrics.insertFailed();
    long delay = backoff.next();
    nextAttemptMillis = clock.millis() + delay;
    LOG.warn("cannot store a batch of {} events; consumption paused, retrying in {} ms: {}",
        inserts.events(), delay, reason);
    if (!stuck) {
      stuck = true;
      applyPauses();
    }
  }

  /**
   * Stores everything held now: the handed-over batch (one more attempt if it had failed), then the
   * filling one. True when nothing is left unstored.
   */
  private boolean storeAll() {
    collectInsert(true);
    if (stuck && !inserts.isRunning()) {
      startInsert(true);
      collectInsert(true);
    }
    if (!stuck) {
      handOver();
      collectInsert(true);
    }
    return !stuck;
  }

  private void reportHeld() {
    metrics.held(filling.events() + inserts.events(), filling.bytes() + inserts.bytes());
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
    if (!inserts.holds() && filling.isEmpty()) {
      return;
    }
    if (storeAll()) {
      LOG.info("stored and committed the last batch before stopping");
    } else {
      LOG.warn("could not store the last {} events before stopping; they will be consumed again",
          inserts.events() + filling.events());
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
      if (partitions.isEmpty() || (!inserts.holds() && filling.isEmpty())) {
        return;
      }
      // Store what we hold while the partitions are still ours; otherwise let the next owner redo them.
      if (!storeAll()) {
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
      collectInsert(true); // a running INSERT owns its batch until it returns
      filling.dropPartitions(numbers);
      if (inserts.holds()) {
        Batch emptied = inserts.dropPartitions(numbers);
        if (emptied != null) {
          spare = emptied;
        }
      }
      deadLetters.forget(numbers);
      LOG.info("dropped the held events of {}; their new owner consumes them again", partitions);
      if (stuck && !inserts.holds()) {
        stuck = false;
        backoff.reset();
        applyPauses();
      }
      reportHeld();
    }
  }
}
