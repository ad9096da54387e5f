package io.pulseboard.ingest.kafka;

import io.pulseboard.api.pipeline.IngestPipeline;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The consumer of the source topic and the producer of the dead-letter topic. */
public final class KafkaClients {
  private KafkaClients() {}

  /** @param instanceId the replica's stable name for static group membership, or null */
  public static KafkaConsumer<byte[], byte[]> consumer(IngestPipeline pipeline, String instanceId) {
    Map<String, Object> settings = new HashMap<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, pipeline.consumerGroup(),
        ConsumerConfig.CLIENT_ID_CONFIG, "pulseboard-ingest-" + pipeline.stream(),
        // Offsets are committed only after the batch is stored.
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, pipeline.startFrom() == null ? "earliest" : pipeline.startFrom(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.max(1, Math.min(pipeline.maxBatchRows(), 5000)),
        // Replicas join and leave without stopping each other's partitions.
        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName()));
    if (instanceId != null) {
      // A restarted replica with the same name replaces its old membership at once (no session timeout wait).
      settings.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "pulseboard-ingest-" + pipeline.stream() + "-" + instanceId);
    }
    return new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  public static KafkaProducer<byte[], byte[]> deadLetterProducer(IngestPipeline pipeline) {
    return new KafkaProducer<>(Map.<String, Object>of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers(),
        ProducerConfig.CLIENT_ID_CONFIG, "pulseboard-ingest-dlq-" + pipeline.stream(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
        ProducerConfig.LINGER_MS_CONFIG, 20,
        // Fail a batch in bounded time when the dead-letter topic is unavailable, instead of blocking the loop.
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000),
        new ByteArraySerializer(), new ByteArraySerializer());
  }
}
