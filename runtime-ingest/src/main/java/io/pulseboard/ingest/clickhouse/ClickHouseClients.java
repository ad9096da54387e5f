package io.pulseboard.ingest.clickhouse;

import com.clickhouse.client.api.Client;
import io.pulseboard.ingest.config.IngestConfig;
import java.time.temporal.ChronoUnit;

/** Builds the client-v2 client with the settings the 18.16 floor server needs. */
public final class ClickHouseClients {
  private ClickHouseClients() {}

  public static Client create(IngestConfig config) {
    return new Client.Builder()
        .addEndpoint(config.clickhouseUrl())
        .setUsername(config.clickhouseUser())
        .setPassword(config.clickhousePassword())
        // 18.16 answers LZ4-compressed responses with an empty body, and inserts then report success
        // while writing nothing.
        .compressServerResponse(false)
        // The worker retries whole batches itself, after checking what already landed; a transparent
        // retry inside the client could store a batch twice.
        .setMaxRetries(0)
        .setConnectTimeout(5, ChronoUnit.SECONDS)
        .setSocketTimeout(60, ChronoUnit.SECONDS)
        .setClientName("pulseboard-ingest")
        .build();
  }
}
