package io.pulseboard.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pulseboard.api.pipeline.ColumnSpec;
import io.pulseboard.api.pipeline.IngestPipeline;
import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.ingest.TestingPipelines;
import io.pulseboard.ingest.metrics.IngestMetrics;
import io.pulseboard.ingest.metrics.WorkerHealth;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loop against Kafka's mock clients and an in-memory raw table. */
class IngestLoopTest {
  private static final IngestPipeline PIPELINE = TestingPipelines.pipeline(
      List.of(new ColumnSpec("n", FieldType.int64, "n", false, false)), 3_600_000, 10_000, 1 << 20, 50);
  private static final String TOPIC = PIPELINE.topic();
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final TestingRawTable table = new TestingRawTable();
  private final IngestMetrics metrics = new IngestMetrics("shop", "checkout");
  private final WorkerHealth health = new WorkerHealth();
  private final IngestLoop loop = new IngestLoop(PIPELINE, consumer, producer, table, metrics, health, Clock.systemUTC());
  private Thread thread;

  @AfterEach
  void stop() throws InterruptedException {
    if (thread != null) {
      loop.stop();
      thread.join(10_000);
    }
  }

  @Test
  void storesGoodEventsDeadLettersBadOnesAndCommitsPastBoth() {
    start(Map.of());
    consumer.schedulePollTask(() -> {
      consumer.addRecord(event(P0, 0, 10));
      consumer.addRecord(raw(P0, 1, "{\"ts\":"));
      consumer.addRecord(event(P1, 0, 20));
      consumer.addRecord(raw(P1, 1, "{\"ts\":" + now() + ",\"n\":\"x\"}"));
      consumer.addRecord(event(P1, 2, 22));
    });

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(committed()).isEqualTo(Map.of(P0, 2L, P1, 3L)));
    assertThat(table.rows()).extracting(TestingRawTable.Row::n).containsExactlyInAnyOrder(10L, 20L, 22L);
    assertThat(producer.history()).extracting(r -> header(r, DeadLetters.REASON) + "@" + header(r, DeadLetters.SOURCE_OFFSET))
        .containsExactlyInAnyOrder("MalformedJson@1", "WrongType@1");
    assertThat(metrics.scrape())
        .contains("pulseboard_ingest_events_consumed_total{namespace=\"shop\",stream=\"checkout\"} 5.0")
        .contains("pulseboard_ingest_events_inserted_total{namespace=\"shop\",stream=\"checkout\"} 3.0")
        .contains("pulseboard_ingest_events_dead_lettered_total{namespace=\"shop\",reason=\"WrongType\",stream=\"checkout\"} 1.0");
    assertThat(health.isReady()).isTrue();
  }

  @Test
  void pausesWhileTheTableRefusesAndResumesWithoutLosingOrDuplicating() {
    table.refuseInserts(2);
    start(Map.of());
    consumer.schedulePollTask(() -> {
      for (int i = 0; i < 5; i++) {
        consumer.addRecord(event(P0, i, i));
      }
    });

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(consumer.paused()).containsExactlyInAnyOrder(P0, P1);
      assertThat(health.isReady()).isFalse();
      assertThat(metrics.scrape()).contains("pulseboard_ingest_paused{namespace=\"shop\",stream=\"checkout\"} 1.0");
    });
    consumer.schedulePollTask(() -> consumer.addRecord(event(P1, 0, 100)));

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(committed()).containsEntry(P0, 5L));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(committed()).containsEntry(P1, 1L));
    assertThat(table.rows()).extracting(TestingRawTable.Row::n).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 100L);
    assertThat(consumer.paused()).isEmpty();
    assertThat(health.isReady()).isTrue();
    assertThat(metrics.scrape()).contains("pulseboard_ingest_insert_failures_total{namespace=\"shop\",stream=\"checkout\"} 2.0");
  }

  @Test
  void whenOneOfTheTwoInsertsOfABatchFailsTheRetryStoresOnlyTheOtherHalf() {
    table.refuseInserts(1);
    start(Map.of());
    consumer.schedulePollTask(() -> {
      for (int i = 0; i < 3; i++) {
        consumer.addRecord(event(P0, i, i));
        consumer.addRecord(event(P1, i, 10 + i));
      }
    });

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(committed()).isEqualTo(Map.of(P0, 3L, P1, 3L)));
    assertThat(table.rows()).extracting(TestingRawTable.Row::n).containsExactlyInAnyOrder(0L, 1L, 2L, 10L, 11L, 12L);
    assertThat(table.inserts()).as("one INSERT per partition half, then the refused half again").isEqualTo(3);
  }

  @Test
  void doesNotInsertTwiceWhenAnInsertLandedButItsAnswerWasLost() {
    table.storeThenFail(1);
    start(Map.of());
    consumer.schedulePollTask(() -> {
      for (int i = 0; i < 5; i++) {
        consumer.addRecord(event(P0, i, i));
      }
    });

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(committed()).containsEntry(P0, 5L));
    assertThat(table.rows()).hasSize(5);
    assertThat(table.inserts()).as("the retry found every row stored and sent nothing").isEqualTo(1);
  }

  @Test
  void continuesAfterTheRowsAlreadyStoredWhenTheCommitWasLost() {
    // A previous owner stored offsets up to 41 but crashed before committing them.
    table.store(0, 41);
    start(Map.of(P0, 30L));
    consumer.schedulePollTask(() -> {
      for (long offset = 30; offset <= 45; offset++) {
        consumer.addRecord(event(P0, offset, offset));
      }
    });

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(committed()).containsEntry(P0, 46L));
    assertThat(table.rows()).extracting(TestingRawTable.Row::offset).containsExactly(41L, 42L, 43L, 44L, 45L);
  }

  @Test
  void commitsTheResumePositionAtOnceWhenTheStoredRowsAreAheadOfTheCommit() {
    // A crash after the INSERT of offsets up to 41, before their commit; nothing new arrives afterwards.
    table.store(0, 41);
    start(Map.of(P0, 30L));

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(committed()).containsEntry(P0, 42L));
    assertThat(committed()).as("nothing stored there, nothing to correct").doesNotContainKey(P1);
  }

  @Test
  void holdsPartitionsUntilTheStoredOffsetsCanBeRead() {
    table.refuseQueries(2);
    start(Map.of());

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(health.isReady()).isFalse();
      assertThat(consumer.paused()).containsExactlyInAnyOrder(P0, P1);
    });
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(health.isReady()).isTrue();
      assertThat(consumer.paused()).isEmpty();
    });
  }

  /** Starts the loop and assigns both partitions from inside its first poll. */
  private void start(Map<TopicPartition, Long> beginning) {
    consumer.updateBeginningOffsets(Map.of(P0, beginning.getOrDefault(P0, 0L), P1, beginning.getOrDefault(P1, 0L)));
    consumer.schedulePollTask(() -> consumer.rebalance(List.of(P0, P1)));
    thread = new Thread(loop, "test-loop");
    thread.start();
  }

  private Map<TopicPartition, Long> committed() {
    return consumer.committed(Set.of(P0, P1)).entrySet().stream()
        .filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private static ConsumerRecord<byte[], byte[]> event(TopicPartition tp, long offset, long n) {
    return raw(tp, offset, "{\"ts\":" + now() + ",\"n\":" + n + "}");
  }

  private static ConsumerRecord<byte[], byte[]> raw(TopicPartition tp, long offset, String json) {
    return new ConsumerRecord<>(tp.topic(), tp.partition(), offset, null, json.getBytes(StandardCharsets.UTF_8));
  }

  private static long now() {
    return System.currentTimeMillis();
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
