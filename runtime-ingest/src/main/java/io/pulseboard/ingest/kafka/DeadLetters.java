package io.pulseboard.ingest.kafka;

import io.pulseboard.ingest.schema.DeadLetterReason;
import io.pulseboard.ingest.schema.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Builds the dead-letter record of a rejected event: its original key, value and headers, plus ours. */
public final class DeadLetters {
  public static final String REASON = "pulseboard.reason";
  public static final String DETAIL = "pulseboard.detail";
  public static final String SOURCE_TOPIC = "pulseboard.source.topic";
  public static final String SOURCE_PARTITION = "pulseboard.source.partition";
  public static final String SOURCE_OFFSET = "pulseboard.source.offset";
  /** Set, to the original size, when the value had to be cut to fit a Kafka record. */
  public static final String TRUNCATED_FROM = "pulseboard.truncated.from";
  /** How much of an oversize event is kept: enough to identify it. */
  static final int OVERSIZE_PREFIX = 64 * 1024;

  private DeadLetters() {}

  public static ProducerRecord<byte[], byte[]> of(String deadLetterTopic, ConsumerRecord<byte[], byte[]> source, Rejection rejection) {
    RecordHeaders headers = new RecordHeaders();
    for (Header header : source.headers()) {
      headers.add(header);
    }
    byte[] value = source.value();
    if (rejection.reason() == DeadLetterReason.TooLarge && value != null && value.length > OVERSIZE_PREFIX) {
      headers.add(TRUNCATED_FROM, utf8(Integer.toString(value.length)));
      value = Arrays.copyOf(value, OVERSIZE_PREFIX);
    }
    headers.add(REASON, utf8(rejection.reason().name()));
    headers.add(DETAIL, utf8(rejection.detail()));
    headers.add(SOURCE_TOPIC, utf8(source.topic()));
    headers.add(SOURCE_PARTITION, utf8(Integer.toString(source.partition())));
    headers.add(SOURCE_OFFSET, utf8(Long.toString(source.offset())));
    return new ProducerRecord<>(deadLetterTopic, null, source.key(), value, headers);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
