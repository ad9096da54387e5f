package io.pulseboard.api.pipeline;

import java.util.List;

/**
 * Everything an ingest worker needs to know about its stream, written by the operator into the ingest
 * ConfigMap as {@value #FILE}. Connection credentials are not here: they reach the worker as env vars
 * from the stream's Secret.
 *
 * @param stream the AnalyticsStream's name
 * @param namespace its namespace
 * @param schemaVersion the applied schema version; rows are written with this shape
 * @param bootstrapServers Kafka bootstrap servers
 * @param topic source topic
 * @param deadLetterTopic topic for events that cannot be ingested
 * @param consumerGroup the Kafka consumer group of all workers of the stream
 * @param startFrom earliest or latest, for a new consumer group
 * @param database ClickHouse database
 * @param rawTable raw table name, unquoted
 * @param timestampPath JSON path of the event time
 * @param latenessMillis oldest accepted event age
 * @param columns the typed columns, in table order
 * @param maxBatchRows largest batch in events
 * @param maxBatchBytes largest batch in encoded bytes
 * @param maxBatchDelayMillis longest wait of an event in a batch
 */
public record IngestPipeline(
    String stream,
    String namespace,
    int schemaVersion,
    String bootstrapServers,
    String topic,
    String deadLetterTopic,
    String consumerGroup,
    String startFrom,
    String database,
    String rawTable,
    String timestampPath,
    long latenessMillis,
    List<ColumnSpec> columns,
    int maxBatchRows,
    long maxBatchBytes,
    long maxBatchDelayMillis) {

  public static final String FILE = "ingest.json";

  public IngestPipeline {
    columns = List.copyOf(columns);
  }
}
