package io.pulseboard.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class HealthServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void reportsLivenessReadinessAndPrometheusMetrics() throws Exception {
    WorkerHealth health = new WorkerHealth();
    IngestMetrics metrics = new IngestMetrics("shop", "checkout");
    try (HealthServer server = HealthServer.start("127.0.0.1", 0, health, metrics)) {
      assertThat(get(server, "/healthz").statusCode()).as("loop not started").isEqualTo(503);

      health.loopStarted();
      assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(server, "/readyz").statusCode()).as("not in the group yet").isEqualTo(503);

      health.joined();
      assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);

      health.storing(false);
      HttpResponse<String> notReady = get(server, "/readyz");
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(notReady.body()).contains("storing=false");

      metrics.batchInserted(100, 2800, 5_000_000, 1500);
      HttpResponse<String> scrape = get(server, "/metrics");
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
      assertThat(scrape.body())
          .contains("pulseboard_ingest_events_consumed_total{")
          .contains("pulseboard_ingest_events_inserted_total{")
          .contains("pulseboard_ingest_events_dead_lettered_total{namespace=\"shop\",reason=\"TooDeep\",stream=\"checkout\"} 0.0")
          .contains("pulseboard_ingest_batch_rows_count{namespace=\"shop\",stream=\"checkout\"} 1")
          .contains("pulseboard_ingest_batch_bytes_sum{namespace=\"shop\",stream=\"checkout\"} 2800.0")
          .contains("pulseboard_ingest_insert_latency_seconds_bucket{namespace=\"shop\",stream=\"checkout\",le=\"0.01\"} 1")
          .contains("pulseboard_ingest_paused{namespace=\"shop\",stream=\"checkout\"} 0.0")
          .contains("pulseboard_ingest_freshness_seconds{namespace=\"shop\",stream=\"checkout\"} 1.5");
    }
  }

  private HttpResponse<String> get(HealthServer server, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
