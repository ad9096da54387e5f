package io.pulseboard.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class DeadLetterPublisherTest {
  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final DeadLetterPublisher publisher = new DeadLetterPublisher(producer);

  @Test
  void succeedsOnceEveryDeadLetterIsAcknowledged() throws Exception {
    publisher.publish(record("a"), 0);
    publisher.publish(record("b"), 1);
    producer.completeNext();
    producer.completeNext();

    publisher.awaitDelivered();

    assertThat(publisher.waiting()).isZero();
    assertThat(producer.history()).hasSize(2);
  }

  @Test
  void failsAndSendsAgainWhenADeadLetterWasNotStored() throws Exception {
    publisher.publish(record("a"), 0);
    publisher.publish(record("b"), 0);
    producer.completeNext();
    producer.errorNext(new TimeoutException("broker down"));

    assertThatThrownBy(publisher::awaitDelivered)
        .isInstanceOf(DeadLetterPublisher.DeadLetterException.class)
        .hasMessageContaining("1 dead letters could not be stored");

    assertThat(publisher.waiting()).isEqualTo(1);
    assertThat(producer.history()).extracting(r -> new String(r.value())).containsExactly("a", "b", "b");
    producer.completeNext();
    publisher.awaitDelivered();
    assertThat(publisher.waiting()).isZero();
  }

  @Test
  void forgetsDeadLettersOfRevokedPartitions() {
    publisher.publish(record("a"), 0);
    publisher.publish(record("b"), 1);

    publisher.forget(Set.of(1));

    assertThat(publisher.waiting()).isEqualTo(1);
  }

  private static ProducerRecord<byte[], byte[]> record(String value) {
    return new ProducerRecord<>("dlq", value.getBytes());
  }
}
