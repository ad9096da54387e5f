package io.pulseboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pulseboard.api.contract.MeasureFunctions;
import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.api.v1alpha1.Granularity;
import io.pulseboard.ingest.config.IngestConfig;
import io.pulseboard.ingest.kafka.DeadLetters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker in-process against the real Kafka broker and ClickHouse server of the test run. */
class IngestIT {
  private static final int EVENTS = 100_000;

  private TestingStream stream;
  private IngestWorker worker;

  @BeforeEach
  void createStream() throws Exception {
    stream = new TestingStream(3);
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (worker != null) {
      worker.close();
    }
    stream.close();
  }

  @Test
  void storesEveryEventOnceInRawAndEveryRollupAndDeadLettersTheRest() throws Exception {
    // A backlog first, so the measured time is the worker's alone: consume, parse, insert through 3 MVs, commit.
    long expectedSum = stream.sendGoodEvents(EVENTS);
    long started = System.nanoTime();
    worker = IngestWorker.start(new IngestConfig(stream.pipeline(20_000, 16L << 20, 200),
        stream.services().clickhouseHttp(), "default", "", "127.0.0.1", 0));
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> stream.rawCount() >= EVENTS);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("IngestIT: worker started and stored a backlog of %d events in %.2f s (%.0f events/s)%n",
        EVENTS, seconds, EVENTS / seconds);

    TestingClickHouse clickhouse = stream.clickhouse();
    String raw = stream.raw();
    assertThat(stream.rawCount()).isEqualTo(EVENTS);
    assertThat(clickhouse.number("SELECT uniqExact(_partition, _offset) FROM " + raw)).as("no duplicates").isEqualTo(EVENTS);
    assertThat(clickhouse.number("SELECT sum(amount) FROM " + raw)).isEqualTo(expectedSum);
    for (Granularity g : Granularity.values()) {
      String rollup = stream.schema().table(stream.schema().names().rollup(g));
      assertThat(clickhouse.number("SELECT " + MeasureFunctions.of(Aggregate.sum).mergeExpression("revenue") + " FROM " + rollup))
          .as("revenue in %s", g.label()).isEqualTo(expectedSum);
      assertThat(clickhouse.number("SELECT " + MeasureFunctions.of(Aggregate.count).mergeExpression("events") + " FROM " + rollup))
          .as("events in %s", g.label()).isEqualTo(EVENTS);
    }

    Map<String, byte[]> bad = badEvents();
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : bad.entrySet()) {
      sent.add(stream.producer().send(new ProducerRecord<>(stream.topic(), utf8(e.getKey()), e.getValue())));
    }
    for (Future<RecordMetadata> f : sent) {
      f.get();
    }

    Map<String, Integer> reasons = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> dead : consumeDeadLetters(bad.size())) {
      String key = new String(dead.key(), StandardCharsets.UTF_8);
      String reason = header(dead, DeadLetters.REASON);
      assertThat(key).as("the key names the expected reason").startsWith(reason + "-");
      assertThat(header(dead, DeadLetters.DETAIL)).isNotBlank();
      assertThat(header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo(stream.topic());
      assertThat(Integer.parseInt(header(dead, DeadLetters.SOURCE_PARTITION))).isBetween(0, 2);
      assertThat(Long.parseLong(header(dead, DeadLetters.SOURCE_OFFSET))).isNotNegative();
      if (!reason.equals("TooLarge")) {
        assertThat(dead.value()).as("original bytes of %s", key).isEqualTo(bad.get(key));
      }
      reasons.merge(reason, 1, Integer::sum);
    }
    assertThat(reasons).containsOnlyKeys("MalformedJson", "NotAnObject", "WrongType", "MissingField",
        "MissingTimestamp", "TooLate", "TooEarly", "TooLarge", "InvalidUtf8", "TooDeep");
    assertThat(reasons.values()).allMatch(n -> n == 10);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stream.committedTotal()).isEqualTo(EVENTS + 100));
    assertThat(stream.rawCount()).as("raw is unaffected").isEqualTo(EVENTS);
    assertThat(get("/metrics").body())
        .contains("pulseboard_ingest_events_consumed_total{namespace=\"it\",stream=\"orders\"} 100100.0")
        .contains("pulseboard_ingest_events_inserted_total{namespace=\"it\",stream=\"orders\"} 100000.0")
        .contains("pulseboard_ingest_events_dead_lettered_total{namespace=\"it\",reason=\"TooDeep\",stream=\"orders\"} 10.0");
    assertThat(get("/readyz").statusCode()).isEqualTo(200);
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  /** Ten events for each dead-letter reason, keyed "Reason-n". */
  private static Map<String, byte[]> badEvents() {
    long now = System.currentTimeMillis();
    String good = ",\"country\":\"de\",\"device\":{\"platform\":\"ios\"},\"amount\":1}";
    Map<String, byte[]> events = new HashMap<>();
    for (int n = 0; n < 10; n++) {
      events.put("MalformedJson-" + n, utf8("{\"ts\":" + now + ",\"country\":\"de\",\"amo"));
      events.put("NotAnObject-" + n, utf8("[" + n + "]"));
      events.put("WrongType-" + n, utf8("{\"ts\":" + now + ",\"country\":\"de\",\"device\":{\"platform\":\"ios\"},\"amount\":\"" + n + "\"}"));
      events.put("MissingField-" + n, utf8("{\"ts\":" + now + ",\"device\":{\"platform\":\"ios\"},\"amount\":" + n + "}"));
      events.put("MissingTimestamp-" + n, utf8("{\"n\":" + n + good));
      events.put("TooLate-" + n, utf8("{\"ts\":" + (now - Duration.ofHours(3).toMillis() + n) + good));
      events.put("TooEarly-" + n, utf8("{\"ts\":" + (now + Duration.ofHours(1).toMillis() + n) + good));
      events.put("TooLarge-" + n, utf8("{\"ts\":" + now + ",\"pad\":\"" + "x".repeat(1_100_000) + "\"" + good));
      byte[] invalid = utf8("{\"ts\":" + now + ",\"note\":\"?" + n + "\"" + good);
      invalid[invalid.length - good.length() - 3] = (byte) 0xFF; // the '?'
      events.put("InvalidUtf8-" + n, invalid);
      events.put("TooDeep-" + n, utf8("{\"ts\":" + now + ",\"deep\":" + "[".repeat(80) + n + "]".repeat(80) + good));
    }
    return events;
  }

  private List<ConsumerRecord<byte[], byte[]>> consumeDeadLetters(int expected) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stream.services().kafkaBootstrap(),
        ConsumerConfig.GROUP_ID_CONFIG, "it-dlq-reader-" + stream.suffix(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(stream.deadLetterTopic()));
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records.size() >= expected;
      });
      // Nothing beyond the expected dead letters arrives.
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    }
    assertThat(records).hasSize(expected);
    return records;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + worker.httpPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
