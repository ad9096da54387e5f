package io.pulseboard.operator.stream;

import io.pulseboard.api.contract.Durations;
import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.pipeline.IngestPipeline;
import io.pulseboard.api.v1alpha1.AnalyticsStream;
import io.pulseboard.api.v1alpha1.AnalyticsStreamSpec;
import io.pulseboard.api.v1alpha1.IngestSpec;
import io.pulseboard.api.v1alpha1.StartFrom;
import io.pulseboard.operator.clickhouse.Topology;

/** Builds the ingest worker's pipeline file from a validated stream. */
public final class IngestPipelines {
  private IngestPipelines() {}

  /** The pipeline of single-server workers that write rows of {@code schemaVersion}. */
  public static IngestPipeline of(AnalyticsStream stream, String defaultKafkaBootstrap, int schemaVersion) {
    return of(stream, defaultKafkaBootstrap, schemaVersion, Topology.SINGLE_SERVER);
  }

  /**
   * The pipeline of workers that write rows of {@code schemaVersion} (the views of that version count them)
   * into the raw table of {@code topology}: on a cluster the Distributed raw table, with the settings that make
   * its inserts synchronous and keep offset reads on the replica written to.
   */
  public static IngestPipeline of(AnalyticsStream stream, String defaultKafkaBootstrap, int schemaVersion,
      Topology topology) {
    AnalyticsStreamSpec spec = stream.getSpec();
    String name = stream.getMetadata().getName();
    String namespace = stream.getMetadata().getNamespace();
    StreamNames names = StreamNames.of(spec.getClickhouse().getDatabase(), name);
    IngestSpec ingest = spec.getIngest() == null ? new IngestSpec() : spec.getIngest();
    IngestSpec defaults = new IngestSpec();
    StartFrom startFrom = spec.getSource().getKafka().getStartFrom();
    return new IngestPipeline(
        name,
        namespace,
        schemaVersion,
        bootstrapServers(spec, defaultKafkaBootstrap),
        spec.getSource().getKafka().getTopic(),
        deadLetterTopic(spec),
        "pulseboard." + namespace + "." + name,
        (startFrom == null ? StartFrom.earliest : startFrom).name(),
        names.database(),
        names.raw(),
        spec.getTimestamp().getField(),
        Durations.parse(orElse(spec.getTimestamp().getLateness(), "1h")).toMillis(),
        StreamColumns.all(spec),
        orElse(ingest.getMaxBatchRows(), defaults.getMaxBatchRows()),
        orElse(ingest.getMaxBatchBytes(), defaults.getMaxBatchBytes()),
        Durations.parse(orElse(ingest.getMaxBatchDelay(), defaults.getMaxBatchDelay())).toMillis(),
        topology.writerSettings());
  }

  public static String bootstrapServers(AnalyticsStreamSpec spec, String defaultKafkaBootstrap) {
    String declared = spec.getSource().getKafka().getBootstrapServers();
    return declared != null ? declared : defaultKafkaBootstrap;
  }

  /** The declared dead-letter topic, or the source topic with the suffix {@code .dlq}. */
  public static String deadLetterTopic(AnalyticsStreamSpec spec) {
    String declared = spec.getIngest() == null ? null : spec.getIngest().getDeadLetterTopic();
    return declared != null ? declared : spec.getSource().getKafka().getTopic() + ".dlq";
  }

  public static int replicas(AnalyticsStreamSpec spec) {
    Integer replicas = spec.getIngest() == null ? null : spec.getIngest().getReplicas();
    return replicas == null ? 1 : replicas;
  }

  private static <T> T orElse(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
