package io.pulseboard.operator.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.pipeline.IngestPipeline;
import io.pulseboard.operator.clickhouse.ClickHouseConnection;
import io.pulseboard.operator.clickhouse.ClickHouseService;
import io.pulseboard.operator.kafka.KafkaAdminService;
import java.time.Instant;

/**
 * Measures a stream's freshness: the ingest consumer group's lag on the source topic (Kafka Admin) and
 * the newest {@code _ingested_at} in the raw table. A figure that cannot be read is reported as missing,
 * never as an error of the reconcile.
 */
final class FreshnessProbe {
  private final ClickHouseService clickhouse;
  private final KafkaAdminService kafka;

  FreshnessProbe(ClickHouseService clickhouse, KafkaAdminService kafka) {
    this.clickhouse = clickhouse;
    this.kafka = kafka;
  }

  Freshness measure(ClickHouseConnection connection, StreamNames names, IngestPipeline pipeline) {
    Long lag = null;
    Instant last = null;
    StringBuilder error = new StringBuilder();
    try {
      lag = kafka.consumerLag(pipeline.bootstrapServers(), pipeline.consumerGroup(), pipeline.topic());
    } catch (RuntimeException e) {
      error.append("lag: ").append(e.getMessage());
    }
    try {
      // toUnixTimestamp: an empty table gives 0 rather than 1970-01-01 text on every server version
      JsonNode row = clickhouse.select(connection, "SELECT toUnixTimestamp(max("
          + Identifiers.quoteColumn(StreamNames.INGESTED_AT) + ")) AS t FROM "
          + Identifiers.quote(names.database(), names.raw()) + " FORMAT JSONEachRow").get(0);
      long seconds = row.get("t").asLong();
      last = seconds == 0 ? null : Instant.ofEpochSecond(seconds);
    } catch (RuntimeException e) {
      error.append(error.length() == 0 ? "" : "; ").append("newest row: ").append(e.getMessage());
    }
    return new Freshness(lag, last, error.length() == 0 ? null : error.toString());
  }
}
