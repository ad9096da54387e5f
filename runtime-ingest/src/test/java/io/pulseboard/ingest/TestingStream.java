package io.pulseboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.contract.MeasureFunctions;
import io.pulseboard.api.pipeline.IngestPipeline;
import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.api.v1alpha1.Granularity;
import io.pulseboard.services.Endpoints;
import io.pulseboard.services.SharedServices;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One test's stream on the shared services: a fresh database with the raw table, rollups and views, a
 * source topic and a dead-letter topic, all with a unique suffix and removed again on close.
 */
public final class TestingStream implements AutoCloseable {
  private static final String[] COUNTRIES = {"de", "fr", "us", "jp", "br"};
  private static final String[] PLATFORMS = {"ios", "android", "web"};

  private final Endpoints services;
  private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final StreamSchema schema = StreamSchema.orders("it_ingest_" + suffix);
  private final String topic = "it.orders." + suffix;
  private final TestingClickHouse clickhouse;
  private final Admin admin;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Random random = new Random(42);

  public TestingStream(int partitions) throws ExecutionException, InterruptedException {
    this(partitions, SharedServices.endpoints());
  }

  /** On other services than the shared ones: fault tests stop and restart their own server. */
  public TestingStream(int partitions, Endpoints services) throws ExecutionException, InterruptedException {
    this.services = services;
    clickhouse = new TestingClickHouse(services.clickhouseHttp());
    schema.ddl().forEach(clickhouse::execute);
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, services.kafkaBootstrap()));
    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1), new NewTopic(deadLetterTopic(), 1, (short) 1)))
        .all().get();
    awaitLeaders(partitions);
    producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, services.kafkaBootstrap(),
        ProducerConfig.LINGER_MS_CONFIG, 10,
        ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
        ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
        // Room for the oversize events the worker must dead-letter; lz4 keeps them small on the broker.
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 << 20), new ByteArraySerializer(), new ByteArraySerializer());
  }

  /**
   * Produce requests sent before the broker leads every new partition fail with NOT_LEADER_OR_FOLLOWER,
   * and the idempotent producer can then lose a batch to OUT_OF_ORDER_SEQUENCE_NUMBER (seen here). The
   * topic metadata names a leader before that broker has taken the partition over, so this waits until
   * the leader itself answers a ListOffsets request for every partition.
   */
  private void awaitLeaders(int partitions) throws InterruptedException {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        admin.listOffsets(latest).all().get();
        return;
      } catch (ExecutionException notYetLed) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("topic " + topic + " has no leader for every partition after 30 s",
              notYetLed.getCause());
        }
      }
      Thread.sleep(50);
    }
  }

  public Endpoints services() {
    return services;
  }

  public String suffix() {
    return suffix;
  }

  public StreamSchema schema() {
    return schema;
  }

  public String topic() {
    return topic;
  }

  public String deadLetterTopic() {
    return topic + ".dlq";
  }

  public String consumerGroup() {
    return "pulseboard-it-" + suffix;
  }

  public TestingClickHouse clickhouse() {
    return clickhouse;
  }

  public KafkaProducer<byte[], byte[]> producer() {
    return producer;
  }

  /** The stream's pipeline with a lateness of one hour. */
  public IngestPipeline pipeline(int maxBatchRows, long maxBatchBytes, long maxBatchDelayMillis) {
    return new IngestPipeline("orders", "it", 1, services.kafkaBootstrap(), topic, deadLetterTopic(),
        consumerGroup(), "earliest", schema.names().database(), schema.names().raw(), "ts",
        Duration.ofHours(1).toMillis(), schema.columns(), maxBatchRows, maxBatchBytes, maxBatchDelayMillis);
  }

  public String raw() {
    return schema.table(schema.names().raw());
  }

  public long rawCount() {
    return (long) clickhouse.number("SELECT count() FROM " + raw());
  }

  /**
   * Sends {@code count} valid events from the last 50 minutes (epoch millis and ISO-8601 mixed) with
   * whole-number amounts, so every sum is exact; returns the sum of their amounts.
   */
  public long sendGoodEvents(int count) {
    long now = System.currentTimeMillis();
    long sum = 0;
    AtomicInteger failures = new AtomicInteger();
    AtomicReference<Exception> failure = new AtomicReference<>();
    for (int i = 0; i < count; i++) {
      long amount = 1 + random.nextInt(1000);
      sum += amount;
      long time = now - random.nextInt(50 * 60_000);
      String ts = i % 2 == 0 ? Long.toString(time) : "\"" + Instant.ofEpochMilli(time) + "\"";
      String json = "{\"ts\":" + ts + ",\"country\":\"" + COUNTRIES[i % COUNTRIES.length]
          + "\",\"device\":{\"platform\":\"" + PLATFORMS[i % PLATFORMS.length] + "\",\"os\":\"x\"},\"amount\":" + amount
          + ",\"order_id\":" + i + "}";
      producer.send(new ProducerRecord<>(topic, Integer.toString(i).getBytes(StandardCharsets.UTF_8),
          json.getBytes(StandardCharsets.UTF_8)), (metadata, e) -> {
            if (e != null) {
              failures.incrementAndGet();
              failure.compareAndSet(null, e);
            }
          });
    }
    producer.flush();
    // Every test counts on exactly the events it sent: a lost one must fail here, not as a timeout later.
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " of " + count + " events could not be sent", failure.get());
    }
    return sum;
  }

  /**
   * What a user checks after any fault: raw holds {@code events} rows, no Kafka record twice, and every
   * rollup counts each event once.
   */
  public void assertStoredExactlyOnce(long events) {
    assertThat(rawCount()).as("rows in raw").isEqualTo(events);
    assertThat((long) clickhouse.number("SELECT uniqExact(_partition, _offset) FROM " + raw()))
        .as("distinct (partition, offset) in raw").isEqualTo(events);
    for (Granularity g : Granularity.values()) {
      String rollup = schema.table(schema.names().rollup(g));
      assertThat((long) clickhouse.number(
              "SELECT " + MeasureFunctions.of(Aggregate.count).mergeExpression("events") + " FROM " + rollup))
          .as("events counted in the %s rollup", g.label()).isEqualTo(events);
    }
  }

  /** Per partition: end offset, committed offset, and the rows and highest offset raw holds (for failure messages). */
  public String positions() throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(consumerGroup()).partitionsToOffsetAndMetadata().get();
    StringBuilder text = new StringBuilder();
    for (int p = 0; p < latest.size(); p++) {
      TopicPartition tp = new TopicPartition(topic, p);
      OffsetAndMetadata c = committed.get(tp);
      text.append(String.format("p%d end=%d committed=%s raw=%s%n", p, ends.get(tp).offset(), c == null ? "none" : c.offset(),
          clickhouse.row("SELECT count() AS rows, max(_offset) AS max FROM " + raw() + " WHERE _partition = " + p)));
    }
    return text.toString();
  }

  /** The sum of the group's committed offsets over all partitions. */
  public long committedTotal() throws ExecutionException, InterruptedException {
    Map<?, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(consumerGroup()).partitionsToOffsetAndMetadata().get();
    return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
  }

  @Override
  public void close() throws Exception {
    producer.close();
    admin.deleteTopics(List.of(topic, deadLetterTopic())).all().get();
    admin.close();
    clickhouse.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(schema.names().database()));
    clickhouse.close();
  }
}
