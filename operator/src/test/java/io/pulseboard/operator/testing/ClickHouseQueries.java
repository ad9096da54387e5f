package io.pulseboard.operator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Test-side SQL over ClickHouse's HTTP interface: answers as TSV text, errors as exceptions. */
public final class ClickHouseQueries {
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI uri;

  public ClickHouseQueries(String httpUrl) {
    this.uri = URI.create(httpUrl + "/");
  }

  /** The answer in TSV without the trailing newline. */
  public String text(String sql) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
          .POST(HttpRequest.BodyPublishers.ofString(sql)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("ClickHouse answered " + response.statusCode() + " to " + sql + ": "
            + response.body());
      }
      return response.body().strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public void execute(String sql) {
    text(sql);
  }
}
