package io.pulseboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pulseboard.ingest.config.IngestConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ClickHouse unreachable (through a proxy the test cuts): the worker holds, reports not ready, and loses nothing. */
class IngestOutageIT {
  private TestingStream stream;
  private TestingTcpProxy proxy;
  private IngestWorker worker;

  @BeforeEach
  void createStream() throws Exception {
    stream = new TestingStream(2);
    URI clickhouse = URI.create(stream.services().clickhouseHttp());
    proxy = new TestingTcpProxy(clickhouse.getHost(), clickhouse.getPort());
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (worker != null) {
      worker.close();
    }
    proxy.close();
    stream.close();
  }

  @Test
  void holdsWhileClickHouseIsDownAndStoresEverythingOnceWhenItReturns() throws Exception {
    worker = IngestWorker.start(new IngestConfig(stream.pipeline(1_000, 16L << 20, 100),
        "http://127.0.0.1:" + proxy.port(), "default", "", "127.0.0.1", 0));

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(get("/readyz").body()).as("assigned, but the stored offsets cannot be read").contains("joined=true positioned=false"));
    proxy.up();
    await().atMost(Duration.ofSeconds(20)).until(() -> get("/readyz").statusCode() == 200);

    stream.sendGoodEvents(5_000);
    await().atMost(Duration.ofSeconds(20)).until(() -> stream.rawCount() == 5_000);

    proxy.down();
    stream.sendGoodEvents(5_000);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(get("/readyz").statusCode()).isEqualTo(503);
      assertThat(get("/metrics").body()).contains("pulseboard_ingest_paused{namespace=\"it\",stream=\"orders\"} 1.0");
    });
    assertThat(get("/healthz").statusCode()).as("alive while holding").isEqualTo(200);

    proxy.up();
    await().atMost(Duration.ofSeconds(30)).until(() -> stream.rawCount() >= 10_000);
    await().atMost(Duration.ofSeconds(10)).until(() -> stream.committedTotal() == 10_000);
    assertThat(stream.rawCount()).isEqualTo(10_000);
    assertThat(stream.clickhouse().number("SELECT uniqExact(_partition, _offset) FROM " + stream.raw())).isEqualTo(10_000);
    assertThat(get("/readyz").statusCode()).isEqualTo(200);
    assertThat(get("/metrics").body()).contains("pulseboard_ingest_paused{namespace=\"it\",stream=\"orders\"} 0.0");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + worker.httpPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
