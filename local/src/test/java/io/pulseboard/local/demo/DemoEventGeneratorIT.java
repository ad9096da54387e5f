package io.pulseboard.local.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulseboard.services.SharedServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The demo generator fills a 3-partition topic at about the configured rate, with parseable events. */
class DemoEventGeneratorIT {
  @Test
  void createsTheTopicOnceAndProducesAboutTheConfiguredRate() throws Exception {
    String kafka = SharedServices.endpoints().kafkaBootstrap();
    String topic = "demo-it-" + System.nanoTime();

    assertThat(DemoTopic.ensure(kafka, topic, 3)).isTrue();
    assertThat(DemoTopic.ensure(kafka, topic, 3)).isFalse();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
      assertThat(admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions()).hasSize(3);
    }

    long started = System.nanoTime();
    try (DemoEventGenerator generator = DemoEventGenerator.start(kafka, topic, 200)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> generator.sent() >= 400);
      double seconds = (System.nanoTime() - started) / 1e9;
      assertThat(generator.sent() / seconds).as("events per second").isBetween(100.0, 300.0);
    }

    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
        ConsumerConfig.GROUP_ID_CONFIG, "demo-it",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.currentTimeMillis() + 20_000;
      while (values.size() < 400 && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(r.value());
        }
      }
    }
    assertThat(values).hasSizeGreaterThanOrEqualTo(400);
    assertThat(new ObjectMapper().readTree(values.get(0)).fieldNames()).toIterable()
        .containsExactlyInAnyOrder("ts", "country", "platform", "amount", "user_id", "latency_ms");
  }
}
