package io.pulseboard.query.deep;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.pipeline.PipelineJson;
import io.pulseboard.api.pipeline.QueryPipeline;
import io.pulseboard.api.v1alpha1.PanelSpec;
import io.pulseboard.api.v1alpha1.VariableSpec;
import io.pulseboard.query.ClickHouseHttp;
import io.pulseboard.query.QueryServiceApplication;
import io.pulseboard.query.TestingPipelines;
import io.pulseboard.services.Endpoints;
import io.pulseboard.services.SharedServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The query service over {@link DeepDataset} with real ClickHouse and Redis, and test helpers. */
@SpringBootTest(classes = QueryServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AbstractDeepIT {
  static final String DASHBOARD = "deep";
  static final long REFRESH_MS = 500;
  static final JsonMapper JSON = JsonMapper.shared();
  static final Endpoints SERVICES = SharedServices.endpoints();
  static final ClickHouseHttp CLICKHOUSE = new ClickHouseHttp(SERVICES.clickhouseHttp());
  static final DeepDataset DATA = DeepDataset.shared(CLICKHOUSE);
  static final List<PanelSpec> RANDOM_PANELS = RandomPanels.generate(60, 20251129L);
  static final QueryPipeline PIPELINE = pipeline();

  @LocalServerPort
  int port;

  final HttpClient http = HttpClient.newHttpClient();

  private static QueryPipeline pipeline() {
    List<PanelSpec> panels = new ArrayList<>(RANDOM_PANELS);
    panels.add(TestingPipelines.panel("events", "events", List.of(), null, List.of()));
    panels.add(TestingPipelines.panel("revenue", "revenue", List.of("country"), null, List.of()));
    panels.addAll(NastyValues.panels());
    PanelSpec wide = TestingPipelines.panel("wide", "revenue", List.of("country", "platform", "tier"), null, List.of());
    wide.setLimit(50); // all 36 groups: a large answer
    panels.add(wide);
    PanelSpec top = TestingPipelines.panel("top", null, List.of("country"), null, List.of());
    top.setMeasures(List.of("events", "basket"));
    top.setLimit(2);
    panels.add(top);
    return new QueryPipeline(DASHBOARD, "shop", "Deep", REFRESH_MS, 3_600_000, 5_000, panels, List.of(DATA.stream),
        List.of(new VariableSpec("country", "country", "Country"), new VariableSpec("tier", "tier", null)), List.of());
  }

  /** The service's properties; subclasses register them from their one {@code @DynamicPropertySource}. */
  static void register(DynamicPropertyRegistry registry, String redisUrl) throws Exception {
    Path configDir = Files.createTempDirectory("pulseboard-deep-it-");
    // JSON may carry an unpaired surrogate only as an escape (UTF-8 cannot encode it).
    Files.writeString(configDir.resolve(QueryPipeline.FILE), PipelineJson.write(PIPELINE).replace("\uD800", "\\ud800"));
    registry.add("pulseboard.config-dir", configDir::toString);
    registry.add("pulseboard.clickhouse.url", SERVICES::clickhouseHttp);
    registry.add("pulseboard.redis-url", () -> redisUrl);
    registry.add("pulseboard.live.send-time-limit", () -> "3s");
    registry.add("server.address", () -> "127.0.0.1");
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode panel(String id, long from, long to, String step) throws Exception {
    HttpResponse<String> response = get("/api/v1/dashboards/" + DASHBOARD + "/panels/" + id + "?from=" + from + "&to=" + to + "&step=" + step);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  double metric(String name) throws Exception {
    HttpResponse<String> response = get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(response.body());
    assertThat(m.find()).as(name + " in /metrics").isTrue();
    return Double.parseDouble(m.group(2));
  }

  /**
   * Finished queries in {@code system.query_log} whose text contains every fragment. 18.16's query_log
   * has no {@code tables} column, so the table is matched in the text (the compiler writes
   * {@code `db`.`checkout_1d`}). The log's own reads are left out.
   */
  /**
   * As {@link #loggedQueries}, waiting up to 10 s until {@code count} are there: 18.16 may write a query's
   * finish entry just after it sent the answer, so a flush right after the answer can miss it.
   */
  static List<JsonNode> awaitLoggedQueries(int count, String... fragments) throws InterruptedException {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
    List<JsonNode> logged = loggedQueries(fragments);
    while (logged.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(200);
      logged = loggedQueries(fragments);
    }
    return logged;
  }

  /**
   * As {@link #loggedQueries}, once the log holds what finished before this call: a sentinel query is run
   * and awaited first. For checks that a statement was never run, which a late entry would otherwise pass.
   */
  static List<JsonNode> loggedQueriesUpToNow(String... fragments) throws InterruptedException {
    String sentinel = "pb-log-sentinel-" + System.nanoTime();
    CLICKHOUSE.execute("SELECT '" + sentinel + "' AS s FORMAT JSONEachRow");
    if (awaitLoggedQueries(1, sentinel).isEmpty()) {
      throw new IllegalStateException("query_log did not log " + sentinel + " within 10 s");
    }
    return loggedQueries(fragments);
  }

  static List<JsonNode> loggedQueries(String... fragments) {
    CLICKHOUSE.execute("SYSTEM FLUSH LOGS");
    StringBuilder where = new StringBuilder("type = 2 AND query NOT LIKE '%query_log%'");
    for (String fragment : fragments) {
      where.append(" AND position(query, '").append(fragment.replace("\\", "\\\\").replace("'", "\\'")).append("') > 0");
    }
    return CLICKHOUSE.rows("SELECT read_rows, query FROM system.query_log WHERE " + where + " FORMAT JSONEachRow");
  }
}
