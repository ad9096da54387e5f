package io.pulseboard.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.ingest.schema.DeadLetterReason;
import io.pulseboard.ingest.schema.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
  @Test
  void keepsKeyValueAndHeadersAndNamesReasonAndSource() {
    RecordHeaders original = new RecordHeaders();
    original.add("trace", bytes("abc"));
    ConsumerRecord<byte[], byte[]> source = record(bytes("k"), bytes("{\"ts\":"), original);

    ProducerRecord<byte[], byte[]> dead = DeadLetters.of("shop.dlq", source,
        new Rejection(DeadLetterReason.MalformedJson, "malformed JSON: unexpected end of input"));

    assertThat(dead.topic()).isEqualTo("shop.dlq");
    assertThat(dead.key()).isEqualTo(bytes("k"));
    assertThat(dead.value()).isEqualTo(bytes("{\"ts\":"));
    assertThat(header(dead, "trace")).isEqualTo("abc");
    assertThat(header(dead, DeadLetters.REASON)).isEqualTo("MalformedJson");
    assertThat(header(dead, DeadLetters.DETAIL)).isEqualTo("malformed JSON: unexpected end of input");
    assertThat(header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo("shop.checkout");
    assertThat(header(dead, DeadLetters.SOURCE_PARTITION)).isEqualTo("2");
    assertThat(header(dead, DeadLetters.SOURCE_OFFSET)).isEqualTo("1234567890123");
    assertThat(dead.headers().lastHeader(DeadLetters.TRUNCATED_FROM)).isNull();
  }

  @Test
  void cutsOversizeEventsToAPrefixSoTheDeadLetterFitsARecord() {
    byte[] huge = new byte[2_000_000];
    ConsumerRecord<byte[], byte[]> source = record(null, huge, new RecordHeaders());

    ProducerRecord<byte[], byte[]> dead = DeadLetters.of("dlq", source, new Rejection(DeadLetterReason.TooLarge, "big"));

    assertThat(dead.value()).hasSize(DeadLetters.OVERSIZE_PREFIX);
    assertThat(header(dead, DeadLetters.TRUNCATED_FROM)).isEqualTo("2000000");
  }

  private static ConsumerRecord<byte[], byte[]> record(byte[] key, byte[] value, RecordHeaders headers) {
    return new ConsumerRecord<>("shop.checkout", 2, 1_234_567_890_123L, 0L, TimestampType.CREATE_TIME,
        key == null ? 0 : key.length, value.length, key, value, headers, Optional.empty());
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
