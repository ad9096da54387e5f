package io.pulseboard.local.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulseboard.services.SharedServices;
import java.time.Duration;
import java.time.Instant;
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
      generator.history(Duration.ofMinutes(2), 2);
      started = System.nanoTime();
      long afterHistory = generator.sent();
      assertThat(afterHistory).as("two events for each second of two minutes").isGreaterThanOrEqualTo(240);
      await().atMost(Duration.ofSeconds(20)).until(() -> generator.sent() >= afterHistory + 400);
      double seconds = (System.nanoTime() - started) / 1e9;
      assertThat((generator.sent() - afterHistory) / seconds).as("events per second").isBetween(100.0, 300.0);
    }

    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
        ConsumerConfig.GROUP_ID_CONFIG, "demo-it",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.currentTimeMillis() + 20_000;
      while (values.size() < 640 && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(r.value());
        }
      }
    }
    assertThat(values).hasSizeGreaterThanOrEqualTo(640);
    Instant oldest = values.stream().map(DemoEventGeneratorIT::time).min(Instant::compareTo).orElseThrow();
    assertThat(oldest).as("history reaches back two minutes").isBefore(Instant.now().minusSeconds(100));
    Instant newest = values.stream().map(DemoEventGeneratorIT::time).max(Instant::compareTo).orElseThrow();
    assertThat(newest).isAfter(Instant.now().minusSeconds(60));
    assertThat(new ObjectMapper().readTree(values.get(0)).fieldNames()).toIterable()
        .containsExactlyInAnyOrder("ts", "country", "platform", "amount", "user_id", "latency_ms");
  }

  private static Instant time(String event) {
    try {
      return Instant.parse(new ObjectMapper().readTree(event).get("ts").asText());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
