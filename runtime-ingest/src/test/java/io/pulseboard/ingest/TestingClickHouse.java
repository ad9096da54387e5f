package io.pulseboard.ingest;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.QueryResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.TimeUnit;

/** SQL for tests, with the client-v2 settings 18.16 needs; answers are read as JSONEachRow. */
public final class TestingClickHouse implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Client client;

  public TestingClickHouse(String url) {
    client = new Client.Builder().addEndpoint(url).setUsername("default").setPassword("")
        .compressServerResponse(false).build();
  }

  public void execute(String sql) {
    try {
      client.execute(sql).get(60, TimeUnit.SECONDS).close();
    } catch (Exception e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }

  /** The first row of a query, as JSON. */
  public JsonNode row(String sql) {
    try (QueryResponse response = client.query(sql + " FORMAT JSONEachRow").get(60, TimeUnit.SECONDS)) {
      return JSON.readTree(response.getInputStream().readAllBytes());
    } catch (Exception e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }

  /** A single number: 64-bit integers come quoted, so text is parsed too. */
  public double number(String sql) {
    JsonNode value = row(sql).elements().next();
    return value.isNumber() ? value.asDouble() : Double.parseDouble(value.asText());
  }

  @Override
  public void close() {
    client.close();
  }
}
