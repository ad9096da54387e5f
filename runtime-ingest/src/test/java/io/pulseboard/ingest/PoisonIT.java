package io.pulseboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The poison corpus mixed into good traffic on ONE partition, so bad and good events share
 * batches: every bad event is dead-lettered with its reason and source position, counted by reason,
 * the good events around it are stored, and the partition keeps moving.
 */
class PoisonIT {
  private static final int ROUNDS = 3;
  private static final int GOOD_BETWEEN = 100;
  private static final int GOOD_AFTER = 1_000;

  private TestingStream stream;
  private IngestWorker worker;

  @BeforeEach
  void createStream() throws Exception {
    stream = new TestingStream(1);
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (worker != null) {
      worker.close();
    }
    stream.close();
  }

  @Test
  void deadLettersEveryKindOfBadEventAndStoresTheGoodOnesAroundIt() throws Exception {
    Map<String, Poison> corpus = corpus();
    Map<Long, String> sentAt = new HashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      for (Map.Entry<String, Poison> e : corpus.entrySet()) {
        stream.sendGoodEvents(GOOD_BETWEEN);
        long offset = stream.producer().send(new ProducerRecord<>(stream.topic(), utf8(e.getKey()), e.getValue().value())).get().offset();
        sentAt.put(offset, e.getKey());
      }
    }
    int bad = ROUNDS * corpus.size();
    int good = ROUNDS * corpus.size() * GOOD_BETWEEN;

    // Small batches: each one holds good and bad events.
    worker = IngestWorker.start(new IngestConfig(stream.pipeline(500, 16L << 20, 100),
        stream.services().clickhouseHttp(), "default", "", "127.0.0.1", 0));
    await().atMost(Duration.ofSeconds(60)).until(() -> stream.committedTotal() == good + bad);
    assertThat(stream.rawCount()).as("every good event of the mixed batches").isEqualTo(good);

    Map<String, Integer> byReason = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> dead : consumeDeadLetters(bad)) {
      String key = new String(dead.key(), StandardCharsets.UTF_8);
      Poison poison = corpus.get(key);
      assertThat(header(dead, DeadLetters.REASON)).as("reason of %s", key).isEqualTo(poison.reason());
      assertThat(header(dead, DeadLetters.DETAIL)).as("detail of %s", key).isNotBlank();
      assertThat(header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo(stream.topic());
      assertThat(header(dead, DeadLetters.SOURCE_PARTITION)).isEqualTo("0");
      assertThat(sentAt.get(Long.parseLong(header(dead, DeadLetters.SOURCE_OFFSET)))).as("source offset of %s", key).isEqualTo(key);
      if (poison.reason().equals("TooLarge")) {
        assertThat(header(dead, DeadLetters.TRUNCATED_FROM)).isEqualTo(Integer.toString(poison.value().length));
      } else {
        assertThat(dead.value()).as("original bytes of %s", key).isEqualTo(poison.value());
      }
      byReason.merge(poison.reason(), 1, Integer::sum);
    }
    String metrics = get("/metrics").body();
    byReason.forEach((reason, n) -> assertThat(metrics).contains(
        "pulseboard_ingest_events_dead_lettered_total{namespace=\"it\",reason=\"" + reason + "\",stream=\"orders\"} " + n + ".0"));

    // The partition is not stuck behind its poison: later events flow at once.
    stream.sendGoodEvents(GOOD_AFTER);
    await().atMost(Duration.ofSeconds(20)).until(() -> stream.committedTotal() == good + bad + GOOD_AFTER);
    stream.assertStoredExactlyOnce(good + GOOD_AFTER);
    assertThat(get("/readyz").statusCode()).isEqualTo(200);
  }

  record Poison(String reason, byte[] value) {}

  /** Each kind of bad event the issue lists, keyed by a name that says what it is. */
  private static Map<String, Poison> corpus() {
    long now = System.currentTimeMillis();
    String rest = ",\"country\":\"de\",\"device\":{\"platform\":\"ios\"},\"amount\":1}";
    Map<String, Poison> c = new LinkedHashMap<>();
    c.put("malformed", new Poison("MalformedJson", utf8("{\"ts\":" + now + ",\"country\":de}")));
    c.put("truncated", new Poison("MalformedJson", utf8("{\"ts\":" + now + ",\"country\":\"de\",\"amo")));
    c.put("array", new Poison("NotAnObject", utf8("[{\"ts\":" + now + rest + "]")));
    c.put("scalar-number", new Poison("NotAnObject", utf8("42")));
    c.put("scalar-string", new Poison("NotAnObject", utf8("\"checkout\"")));
    c.put("wrong-type", new Poison("WrongType", utf8("{\"ts\":" + now + ",\"country\":\"de\",\"device\":{\"platform\":\"ios\"},\"amount\":\"12.5\"}")));
    c.put("null-required", new Poison("MissingField", utf8("{\"ts\":" + now + ",\"country\":null,\"device\":{\"platform\":\"ios\"},\"amount\":1}")));
    c.put("missing-ts", new Poison("MissingTimestamp", utf8("{\"id\":1" + rest)));
    c.put("too-old", new Poison("TooLate", utf8("{\"ts\":" + (now - Duration.ofDays(2).toMillis()) + rest)));
    c.put("far-future", new Poison("TooEarly", utf8("{\"ts\":" + (now + Duration.ofDays(365).toMillis()) + rest)));
    c.put("two-megabytes", new Poison("TooLarge", utf8("{\"ts\":" + now + ",\"pad\":\"" + "x".repeat(2 << 20) + "\"" + rest)));
    byte[] invalid = utf8("{\"ts\":" + now + ",\"note\":\"caf?\"" + rest);
    invalid[invalid.length - rest.length() - 2] = (byte) 0xC3; // a lone lead byte before the closing quote
    c.put("invalid-utf8", new Poison("InvalidUtf8", invalid));
    c.put("deep-nesting", new Poison("TooDeep", utf8("{\"ts\":" + now + ",\"deep\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + rest)));
    return c;
  }

  private List<ConsumerRecord<byte[], byte[]>> consumeDeadLetters(int expected) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stream.services().kafkaBootstrap(),
        ConsumerConfig.GROUP_ID_CONFIG, "it-poison-dlq-" + stream.suffix(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(stream.deadLetterTopic()));
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records.size() >= expected;
      });
      consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    }
    assertThat(records).as("one dead letter per bad event, no more").hasSize(expected);
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
