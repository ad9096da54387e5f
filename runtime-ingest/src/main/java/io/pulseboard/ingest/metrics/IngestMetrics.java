package io.pulseboard.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pulseboard.ingest.schema.DeadLetterReason;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * The worker's meters. Names are Micrometer's dotted form; Prometheus sees them as
 * {@code pulseboard_ingest_events_consumed_total} and so on. Tags are bounded: the stream and the
 * dead-letter reason enum.
 */
public final class IngestMetrics {
  private final PrometheusMeterRegistry registry;
  private final Counter consumed;
  private final Counter inserted;
  private final Counter insertFailures;
  private final Map<DeadLetterReason, Counter> deadLettered = new EnumMap<>(DeadLetterReason.class);
  private final DistributionSummary batchRows;
  private final DistributionSummary batchBytes;
  private final Timer insertLatency;
  private final AtomicLong paused = new AtomicLong();
  private final AtomicLong freshnessMillis = new AtomicLong();
  private final AtomicLong heldEvents = new AtomicLong();
  private final AtomicLong heldBytes = new AtomicLong();
  private final AtomicLong heldEventsPeak = new AtomicLong();
  private final AtomicLong heldBytesPeak = new AtomicLong();

  public static final Duration KAFKA_METRICS_REFRESH = Duration.ofSeconds(10);

  public IngestMetrics(String namespace, String stream) {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags(Tags.of("namespace", namespace == null ? "" : namespace, "stream", stream));
    consumed = Counter.builder("pulseboard.ingest.events.consumed")
        .description("Kafka records read from the source topic").register(registry);
    inserted = Counter.builder("pulseboard.ingest.events.inserted")
        .description("Rows stored in the raw table").register(registry);
    insertFailures = Counter.builder("pulseboard.ingest.insert.failures")
        .description("Batch flushes that failed and will be retried").register(registry);
    for (DeadLetterReason reason : DeadLetterReason.values()) {
      deadLettered.put(reason, Counter.builder("pulseboard.ingest.events.dead.lettered")
          .description("Events sent to the dead-letter topic, by reason")
          .tag("reason", reason.name()).register(registry));
    }
    batchRows = DistributionSummary.builder("pulseboard.ingest.batch.rows")
        .description("Rows per inserted batch").register(registry);
    batchBytes = DistributionSummary.builder("pulseboard.ingest.batch.bytes").baseUnit("bytes")
        .description("RowBinary bytes per inserted batch").register(registry);
    insertLatency = Timer.builder("pulseboard.ingest.insert.latency")
        .description("Duration of one batch INSERT")
        .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10))
        .register(registry);
    Gauge.builder("pulseboard.ingest.paused", paused, AtomicLong::get)
        .description("1 while consumption is paused because a batch cannot be stored").register(registry);
    Gauge.builder("pulseboard.ingest.freshness", freshnessMillis, m -> m.get() / 1000.0).baseUnit("seconds")
        .description("Age of the newest event of the last stored batch, when it was stored").register(registry);
    // The worker's memory for events is two batches (one being inserted, one being filled): these show it
    // stays within twice maxBatchRows / maxBatchBytes.
    Gauge.builder("pulseboard.ingest.batch.held.events", heldEvents, AtomicLong::get)
        .description("Events (rows and dead letters) held in unstored batches").register(registry);
    Gauge.builder("pulseboard.ingest.batch.held.bytes", heldBytes, AtomicLong::get).baseUnit("bytes")
        .description("Bytes held in unstored batches").register(registry);
    Gauge.builder("pulseboard.ingest.batch.held.peak.events", heldEventsPeak, AtomicLong::get)
        .description("Most events ever held at once since start").register(registry);
    Gauge.builder("pulseboard.ingest.batch.held.peak.bytes", heldBytesPeak, AtomicLong::get).baseUnit("bytes")
        .description("Most bytes ever held at once since start").register(registry);
  }

  public void consumed(int events) {
    consumed.increment(events);
  }

  public void deadLettered(DeadLetterReason reason) {
    deadLettered.get(reason).increment();
  }

  /** Rows now in the raw table, including those a failed-looking insert had stored already. */
  public void inserted(int rows) {
    inserted.increment(rows);
  }

  public void batchInserted(int rows, long bytes, long latencyNanos, long freshness) {
    batchRows.record(rows);
    batchBytes.record(bytes);
    insertLatency.record(Duration.ofNanos(latencyNanos));
    freshnessMillis.set(freshness);
  }

  public void insertFailed() {
    insertFailures.increment();
  }

  /** The size of the batches held right now. */
  public void held(int events, long bytes) {
    heldEvents.set(events);
    heldBytes.set(bytes);
    heldEventsPeak.accumulateAndGet(events, Math::max);
    heldBytesPeak.accumulateAndGet(bytes, Math::max);
  }

  public void paused(boolean value) {
    paused.set(value ? 1 : 0);
  }

  /** Prometheus text exposition of every meter. */
  /**
   * Publishes the consumer's own metrics, among them {@code kafka_consumer_fetch_manager_records_lag} per
   * partition; they are looked up again every {@link #KAFKA_METRICS_REFRESH} to follow new assignments.
   */
  public KafkaClientMetrics bindConsumer(Consumer<?, ?> consumer, ScheduledExecutorService scheduler) {
    KafkaClientMetrics kafka = new KafkaClientMetrics(consumer, Tags.empty(), scheduler, KAFKA_METRICS_REFRESH);
    kafka.bindTo(registry);
    return kafka;
  }

  public String scrape() {
    return registry.scrape();
  }
}
