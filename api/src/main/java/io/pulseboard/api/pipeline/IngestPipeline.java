package io.pulseboard.api.pipeline;

import java.util.List;
import java.util.Map;

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
 * @param clickhouseSettings ClickHouse settings the worker sends with every insert and every read of stored
 *     offsets; empty for a single server. When the stream lives on a cluster, {@code rawTable} is the
 *     Distributed table and these make its inserts synchronous and keep writes and offset reads on one
 *     replica (operator/DESIGN.md, "ClickHouse clusters"). Absent in files of older operators: empty.
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
    long maxBatchDelayMillis,
    Map<String, String> clickhouseSettings) {

  public static final String FILE = "ingest.json";

  public IngestPipeline {
    columns = List.copyOf(columns);
    clickhouseSettings = clickhouseSettings == null ? Map.of() : Map.copyOf(clickhouseSettings);
  }

  /** A pipeline of a single-server stream: no extra ClickHouse settings. */
  public IngestPipeline(String stream, String namespace, int schemaVersion, String bootstrapServers, String topic,
      String deadLetterTopic, String consumerGroup, String startFrom, String database, String rawTable,
      String timestampPath, long latenessMillis, List<ColumnSpec> columns, int maxBatchRows, long maxBatchBytes,
      long maxBatchDelayMillis) {
    this(stream, namespace, schemaVersion, bootstrapServers, topic, deadLetterTopic, consumerGroup, startFrom,
        database, rawTable, timestampPath, latenessMillis, columns, maxBatchRows, maxBatchBytes, maxBatchDelayMillis,
        Map.of());
  }
}
