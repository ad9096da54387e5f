package io.pulseboard.operator.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All Kafka Admin calls of the operator: checks that a stream's source topic exists, creates its
 * dead-letter topic with the same partition count when missing, and reads the ingest workers' lag.
 * One Admin client per bootstrap list.
 */
public final class KafkaAdminService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaAdminService.class);
  private static final int REQUEST_TIMEOUT_MS = 5_000;
  private static final long CALL_TIMEOUT_MS = 10_000;

  private final Map<String, Admin> admins = new ConcurrentHashMap<>();

  /**
   * Checks the source topic and, when it exists, makes sure the dead-letter topic does too.
   *
   * @return whether the source topic exists
   * @throws KafkaUnavailableException when Kafka does not answer or refuses
   */
  public boolean ensureTopics(String bootstrapServers, String sourceTopic, String deadLetterTopic) {
    Admin admin = admin(bootstrapServers);
    Optional<TopicDescription> source = describe(admin, bootstrapServers, sourceTopic);
    if (source.isEmpty()) {
      return false;
    }
    if (describe(admin, bootstrapServers, deadLetterTopic).isEmpty()) {
      create(admin, bootstrapServers, deadLetterTopic, source.get().partitions().size());
    }
    return true;
  }

  /**
   * Messages on {@code topic} that {@code group} has not consumed yet, summed over partitions: end offset
   * minus committed offset, or minus the earliest offset where the group has committed nothing.
   */
  public long consumerLag(String bootstrapServers, String group, String topic) {
    Admin admin = admin(bootstrapServers);
    try {
      TopicDescription description = await(admin.describeTopics(List.of(topic)).topicNameValues().get(topic));
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
      description.partitions().forEach(p -> {
        latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
        earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
      });
      Map<TopicPartition, OffsetAndMetadata> committed =
          await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
      var ends = await(admin.listOffsets(latest).all());
      var starts = await(admin.listOffsets(earliest).all());
      long lag = 0;
      for (TopicPartition partition : latest.keySet()) {
        OffsetAndMetadata done = committed.get(partition);
        long from = done != null ? done.offset() : starts.get(partition).offset();
        lag += Math.max(0, ends.get(partition).offset() - from);
      }
      return lag;
    } catch (ExecutionException e) {
      throw unavailable(bootstrapServers, "reading the lag of group " + group + " on " + topic, e.getCause());
    }
  }

  @Override
  public void close() {
    admins.values().forEach(Admin::close);
    admins.clear();
  }

  private Optional<TopicDescription> describe(Admin admin, String bootstrapServers, String topic) {
    try {
      return Optional.of(await(admin.describeTopics(List.of(topic)).topicNameValues().get(topic)));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return Optional.empty();
      }
      throw unavailable(bootstrapServers, "describing topic " + topic, e.getCause());
    }
  }

  private void create(Admin admin, String bootstrapServers, String topic, int partitions) {
    try {
      // replication factor: the broker's default
      await(admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all());
      LOG.info("Created dead-letter topic {} with {} partitions on {}", topic, partitions, bootstrapServers);
    } catch (ExecutionException e) {
      // another operator replica may have created it a moment ago
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw unavailable(bootstrapServers, "creating topic " + topic, e.getCause());
      }
    }
  }

  private <T> T await(KafkaFuture<T> future) throws ExecutionException {
    try {
      return future.get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException("interrupted while waiting for Kafka", e);
    } catch (TimeoutException e) {
      throw new KafkaUnavailableException("Kafka did not answer within " + CALL_TIMEOUT_MS + " ms", e);
    }
  }

  private Admin admin(String bootstrapServers) {
    return admins.computeIfAbsent(bootstrapServers, servers -> Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
        AdminClientConfig.CLIENT_ID_CONFIG, "pulseboard-operator",
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT_MS)));
  }

  private static KafkaUnavailableException unavailable(String bootstrapServers, String what, Throwable cause) {
    return new KafkaUnavailableException(what + " on " + bootstrapServers + " failed: " + cause.getMessage(), cause);
  }
}
