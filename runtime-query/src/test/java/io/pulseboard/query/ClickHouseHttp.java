package io.pulseboard.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP to ClickHouse for test setup and reference queries, independent of the code under test. */
public final class ClickHouseHttp {
  private static final JsonMapper JSON = JsonMapper.shared();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String url;

  public ClickHouseHttp(String url) {
    this.url = url;
  }

  public String execute(String sql) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/"))
          .POST(HttpRequest.BodyPublishers.ofString(sql)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("ClickHouse answered " + response.statusCode() + " to " + sql + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Rows of a query that ends in {@code FORMAT JSONEachRow}. */
  public List<JsonNode> rows(String sql) {
    return execute(sql).lines().filter(line -> !line.isBlank()).map(JSON::readTree).toList();
  }
}
