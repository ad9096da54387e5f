package io.pulseboard.operator.kafka;

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
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All Kafka Admin calls of the operator: checks that a stream's source topic exists and creates its
 * dead-letter topic with the same partition count when missing. One Admin client per bootstrap list.
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
