package io.pulseboard.ingest.clickhouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.pipeline.IngestPipeline;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The raw table through client-v2 over HTTP. */
public final class ClickHouseRawTable implements RawTable {
  private static final long TIMEOUT_SECONDS = 120;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Client client;
  private final String table;
  private final List<String> columns;
  private final Map<String, String> settings;

  public ClickHouseRawTable(Client client, IngestPipeline pipeline) {
    this.client = client;
    // client-v2 0.10.0 does not get the database setting through to 18.16: the name must carry it.
    this.table = Identifiers.quote(pipeline.database(), pipeline.rawTable());
    this.columns = RawColumns.quoted(pipeline.columns());
    // on a cluster: synchronous inserts into the Distributed raw table, and offset reads from the replica the
    // inserts went to, so a stored offset is never read as missing (the effectively-once rule)
    this.settings = pipeline.clickhouseSettings();
  }

  /** {@code INSERT INTO `db`.`raw` (`_time`, ...) FORMAT RowBinary}, the rows streamed as the body. */
  @Override
  public void insert(RowBinaryBody rows) throws ClickHouseException {
    try (InsertResponse ignored = await("insert into " + table,
        () -> client.insert(table, columns, rows::writeTo, ClickHouseFormat.RowBinary, insertSettings()))) {
      // Success is the absence of an exception: 18.16 sends no written-rows summary to check.
    }
  }

  @Override
  public Map<Integer, Long> maxOffsets(Collection<Integer> partitions) throws ClickHouseException {
    if (partitions.isEmpty()) {
      return Map.of();
    }
    String what = "reading stored offsets from " + table;
    // Typed readers fail against 18.16: ask for JSONEachRow and parse it here.
    try (QueryResponse response = await(what, () -> client.query(maxOffsetsSql(table, partitions), querySettings()));
         BufferedReader reader = new BufferedReader(new InputStreamReader(response.getInputStream(), StandardCharsets.UTF_8))) {
      Map<Integer, Long> offsets = new HashMap<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          JsonNode row = JSON.readTree(line);
          // 64-bit integers arrive quoted (output_format_json_quote_64bit_integers); asText reads both forms.
          offsets.put(row.get("kafka_partition").asInt(), Long.parseLong(row.get("max_offset").asText()));
        }
      }
      return offsets;
    } catch (ClickHouseException e) {
      throw e;
    } catch (Exception e) {
      throw new ClickHouseException(what + " failed: " + e.getMessage(), e);
    }
  }

  private InsertSettings insertSettings() {
    InsertSettings insert = new InsertSettings();
    settings.forEach(insert::serverSetting);
    return insert;
  }

  private QuerySettings querySettings() {
    QuerySettings query = new QuerySettings();
    settings.forEach(query::serverSetting);
    return query;
  }

  /** Partition numbers come from the Kafka client as ints, never from event or user text. */
  static String maxOffsetsSql(String quotedTable, Collection<Integer> partitions) {
    String partitionList = partitions.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
    String partition = Identifiers.quoteColumn(StreamNames.PARTITION);
    String offset = Identifiers.quoteColumn(StreamNames.OFFSET);
    return "SELECT " + partition + " AS kafka_partition, max(" + offset + ") AS max_offset FROM " + quotedTable
        + " WHERE " + partition + " IN (" + partitionList + ") GROUP BY " + partition + " FORMAT JSONEachRow";
  }

  /** Runs a client call; the client throws right away when it runs requests synchronously, else fails the future. */
  private static <T> T await(String what, Supplier<CompletableFuture<T>> call) throws ClickHouseException {
    CompletableFuture<T> future = null;
    try {
      future = call.get();
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new ClickHouseException(what + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new ClickHouseException(what + " timed out after " + TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClickHouseException("interrupted: " + what, e);
    } catch (RuntimeException e) {
      throw new ClickHouseException(what + " failed: " + e.getMessage(), e);
    }
  }
}
