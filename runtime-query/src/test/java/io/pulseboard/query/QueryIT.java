package io.pulseboard.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.pulseboard.api.pipeline.PipelineJson;
import io.pulseboard.api.pipeline.QueryPipeline;
import io.pulseboard.api.pipeline.StreamContract;
import io.pulseboard.query.cache.CacheKeys;
import io.pulseboard.query.cache.PanelDataService;
import io.pulseboard.query.clickhouse.PanelQueryCompiler;
import io.pulseboard.query.panel.DashboardCatalog;
import io.pulseboard.query.panel.PanelDefinition;
import io.pulseboard.query.panel.TimeWindow;
import io.pulseboard.services.Endpoints;
import io.pulseboard.services.SharedServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The query service against real ClickHouse and Redis: a database with the raw table, the 1m/1h/1d
 * rollups and their views (created here by hand, as the operator would), a few thousand events over the
 * last hours, and the service on a random port reading a query.json from a temp directory.
 */
@SpringBootTest(classes = QueryServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueryIT {
  private static final long HOUR = 3_600_000;
  private static final DateTimeFormatter CH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final JsonMapper JSON = JsonMapper.shared();
  private static final Endpoints SERVICES = SharedServices.endpoints();
  private static final ClickHouseHttp CLICKHOUSE = new ClickHouseHttp(SERVICES.clickhouseHttp());
  private static final String DB = "qit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private static final QueryPipeline PIPELINE = TestingPipelines.dashboard(
      TestingPipelines.checkout(DB, List.of("1m", "1h", "1d")), 500, TestingPipelines.panels());
  private static final long NOW = System.currentTimeMillis();
  private static RedisClient redisClient;
  private static StatefulRedisConnection<String, String> redis;

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) throws Exception {
    Path configDir = Files.createTempDirectory("pulseboard-query-it-");
    Files.writeString(configDir.resolve(QueryPipeline.FILE), PipelineJson.write(PIPELINE));
    registry.add("pulseboard.config-dir", configDir::toString);
    registry.add("pulseboard.clickhouse.url", SERVICES::clickhouseHttp);
    registry.add("pulseboard.redis-url", SERVICES::redis);
    registry.add("server.address", () -> "127.0.0.1");
  }

  @BeforeAll
  static void createTablesAndEvents() {
    createStreamTables();
    insertEvents(events(3_000, NOW - 3 * HOUR, NOW - 60_000, new Random(7)));
    redisClient = RedisClient.create(SERVICES.redis());
    redis = redisClient.connect();
  }

  @AfterAll
  static void dropDatabase() {
    CLICKHOUSE.execute("DROP DATABASE IF EXISTS " + DB);
    redis.close();
    redisClient.shutdown();
  }

  /** The tables and views the operator creates for the checkout stream (CONTRACT.md, names). */
  private static void createStreamTables() {
    CLICKHOUSE.execute("CREATE DATABASE " + DB);
    CLICKHOUSE.execute("CREATE TABLE " + DB + ".checkout_raw (_time DateTime('UTC'), country String, platform String, tier Int64,"
        + " amount Float64, user_id String, latency_ms Float64, _partition Int32, _offset Int64, _ingested_at DateTime('UTC'))"
        + " ENGINE = MergeTree PARTITION BY toYYYYMMDD(_time) ORDER BY (country, platform, tier, _time)");
    Map<String, String> buckets = Map.of("1m", "toStartOfMinute", "1h", "toStartOfHour", "1d", "toStartOfDay");
    buckets.forEach((granularity, function) -> {
      CLICKHOUSE.execute("CREATE TABLE " + DB + ".checkout_" + granularity + " (_bucket DateTime('UTC'), country String,"
          + " platform String, tier Int64, events AggregateFunction(count), revenue AggregateFunction(sum, Float64),"
          + " buyers AggregateFunction(uniqHLL12, String), latency AggregateFunction(quantilesTDigest(0.5, 0.9, 0.99), Float64))"
          + " ENGINE = AggregatingMergeTree PARTITION BY toYYYYMM(_bucket) ORDER BY (_bucket, country, platform, tier)");
      CLICKHOUSE.execute("CREATE MATERIALIZED VIEW " + DB + ".checkout_" + granularity + "_mv TO " + DB + ".checkout_" + granularity
          + " AS SELECT " + function + "(_time) AS _bucket, country, platform, tier, countState() AS events,"
          + " sumState(amount) AS revenue, uniqHLL12State(user_id) AS buyers,"
          + " quantilesTDigestState(0.5, 0.9, 0.99)(latency_ms) AS latency"
          + " FROM " + DB + ".checkout_raw GROUP BY _bucket, country, platform, tier");
    });
  }

  /** Events spread over {@code [from, to)}; amounts are multiples of 0.25, so every sum is exact. */
  private static List<Map<String, Object>> events(int count, long from, long to, Random random) {
    List<String> countries = List.of("de", "fr", "us", "it's");
    List<String> platforms = List.of("ios", "android", "web");
    List<Map<String, Object>> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long t = from + (long) (random.nextDouble() * (to - from));
      events.add(event(t, countries.get(random.nextInt(countries.size())), platforms.get(random.nextInt(platforms.size())),
          (1 + random.nextInt(400)) * 0.25, "u" + random.nextInt(300), random.nextInt(2_000)));
    }
    return events;
  }

  private static Map<String, Object> event(long t, String country, String platform, double amount, String user, double latency) {
    Map<String, Object> event = new HashMap<>();
    event.put("_time", CH_TIME.format(Instant.ofEpochMilli(t)));
    event.put("country", country);
    event.put("platform", platform);
    event.put("tier", 1);
    event.put("amount", amount);
    event.put("user_id", user);
    event.put("latency_ms", latency);
    event.put("_partition", 0);
    event.put("_offset", 0);
    event.put("_ingested_at", CH_TIME.format(Instant.now()));
    return event;
  }

  private static void insertEvents(List<Map<String, Object>> events) {
    StringBuilder body = new StringBuilder("INSERT INTO " + DB + ".checkout_raw FORMAT JSONEachRow\n");
    events.forEach(e -> body.append(JSON.writeValueAsString(e)).append('\n'));
    CLICKHOUSE.execute(body.toString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode panel(String id, long from, long to, String step) throws Exception {
    HttpResponse<String> response = get("/api/v1/dashboards/shop-health/panels/" + id + "?from=" + from + "&to=" + to + "&step=" + step);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** Panel series as labels -> bucket ms -> value. */
  private static Map<Map<String, String>, Map<Long, Double>> asTable(JsonNode series) {
    Map<Map<String, String>, Map<Long, Double>> table = new HashMap<>();
    for (JsonNode s : series) {
      Map<String, String> labels = new TreeMap<>();
      s.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
      Map<Long, Double> points = table.computeIfAbsent(labels, k -> new TreeMap<>());
      s.path("points").forEach(p -> points.put(p.get(0).asLong(), p.get(1).asDouble()));
    }
    return table;
  }

  /** The same aggregate computed straight from the raw rows. */
  private static Map<Map<String, String>, Map<Long, Double>> reference(String aggregate, String groupBy, String where,
      String bucketFunction, long from, long to) {
    String dims = groupBy.isEmpty() ? "" : ", " + groupBy;
    List<JsonNode> rows = CLICKHOUSE.rows("SELECT toUInt32(" + bucketFunction + "(_time)) AS t" + dims + ", " + aggregate + " AS v"
        + " FROM " + DB + ".checkout_raw WHERE _time >= toDateTime(" + from / 1000 + ") AND _time < toDateTime(" + to / 1000 + ")"
        + (where.isEmpty() ? "" : " AND " + where)
        + " GROUP BY t" + dims + " FORMAT JSONEachRow");
    Map<Map<String, String>, Map<Long, Double>> table = new HashMap<>();
    for (JsonNode row : rows) {
      Map<String, String> labels = new TreeMap<>();
      if (!groupBy.isEmpty()) {
        labels.put(groupBy, row.get(groupBy).asString());
      }
      table.computeIfAbsent(labels, k -> new TreeMap<>()).put(row.get("t").asLong() * 1000, Double.parseDouble(row.get("v").asString()));
    }
    return table;
  }

  @Test
  void panelDataEqualsTheAggregateOfTheRawRows() throws Exception {
    long from = NOW - 3 * HOUR;

    JsonNode events = panel("events", from, NOW, "1m");
    assertThat(events.path("granularity").asString()).isEqualTo("1m");
    assertThat(events.path("from").asLong()).isEqualTo(from - from % 60_000);
    assertThat(asTable(events.path("series")))
        .isEqualTo(reference("count()", "", "", "toStartOfMinute", events.path("from").asLong(), events.path("to").asLong()));

    JsonNode revenue = panel("revenue", from, NOW, "1h");
    assertThat(revenue.path("granularity").asString()).isEqualTo("1h");
    assertThat(asTable(revenue.path("series"))).hasSize(4)
        .isEqualTo(reference("sum(amount)", "country", "", "toStartOfHour", revenue.path("from").asLong(), revenue.path("to").asLong()));

    JsonNode ios = panel("ios-revenue", from, NOW, "auto");
    assertThat(ios.path("granularity").asString()).isEqualTo("1m");
    assertThat(asTable(ios.path("series")))
        .isEqualTo(reference("sum(amount)", "country", "platform IN ('ios')", "toStartOfMinute", ios.path("from").asLong(), ios.path("to").asLong()));

    JsonNode daily = panel("events", NOW - 90L * 24 * HOUR, NOW, "auto");
    assertThat(daily.path("granularity").asString()).isEqualTo("1d");
    assertThat(asTable(daily.path("series")))
        .isEqualTo(reference("count()", "", "", "toStartOfDay", daily.path("from").asLong(), daily.path("to").asLong()));
  }

  @Test
  void aQuantilePickIsOneNumberPerBucket() throws Exception {
    JsonNode p99 = panel("p99", NOW - 3 * HOUR, NOW, "1h");

    assertThat(p99.path("series")).hasSize(1);
    List<Double> values = p99.path("series").get(0).path("points").valueStream().map(p -> p.get(1).asDouble()).toList();
    assertThat(values).hasSizeBetween(3, 4).allSatisfy(v -> assertThat(v).isBetween(0.0, 1_999.0));
    assertThat(values).anySatisfy(v -> assertThat(v).isGreaterThan(1_900.0));
  }

  @Test
  void aRepeatedRequestIsAnsweredFromRedis() throws Exception {
    long from = NOW - 3 * HOUR;
    long to = NOW - 2 * HOUR;
    DashboardCatalog catalog = DashboardCatalog.of(PIPELINE);
    PanelDefinition revenue = catalog.panel("shop-health", "revenue");
    TimeWindow window = new TimeWindow(from, to, "1m");
    String key = CacheKeys.of(PIPELINE.namespace(), PIPELINE.dashboard(),
        new PanelQueryCompiler().compile(revenue, PanelDataService.rangeOf(revenue, window)));

    JsonNode first = panel("revenue", from, to, "1m");
    assertThat(redis.sync().exists(key)).isEqualTo(1);
    assertThat(redis.sync().pttl(key)).as("closed buckets are cached long").isGreaterThan(Duration.ofMinutes(30).toMillis());
    double queries = metric("pulseboard_query_clickhouse_queries_total");
    double hits = metric("pulseboard_query_cache_hits_total");

    JsonNode second = panel("revenue", from, to, "1m");

    assertThat(second).isEqualTo(first);
    assertThat(metric("pulseboard_query_clickhouse_queries_total")).isEqualTo(queries);
    assertThat(metric("pulseboard_query_cache_hits_total")).isEqualTo(hits + 1);
  }

  private double metric(String name) throws Exception {
    HttpResponse<String> response = get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(response.body());
    assertThat(m.find()).as(name + " in /metrics").isTrue();
    return Double.parseDouble(m.group(2));
  }

  @Test
  void aLiveSubscriberGetsASnapshotThenTheNewValuesWithinSeconds() throws Exception {
    BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    WebSocket socket = http.newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/v1/live"), new Collector(messages))
        .get(5, TimeUnit.SECONDS);
    socket.sendText("{\"type\":\"subscribe\",\"dashboard\":\"shop-health\",\"panel\":\"revenue\",\"rangeMs\":3600000}", true);

    JsonNode snapshot = next(messages, "snapshot");
    assertThat(snapshot.path("panel").asString()).isEqualTo("revenue");
    assertThat(snapshot.path("data").path("granularity").asString()).isEqualTo("1m");
    assertThat(asTable(snapshot.path("data").path("series"))).doesNotContainKey(Map.of("country", "zz"));

    long at = System.currentTimeMillis();
    insertEvents(List.of(event(at, "zz", "web", 1.25, "z1", 5), event(at, "zz", "ios", 3.75, "z2", 5)));
    long bucket = at - at % 60_000;

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      JsonNode delta = next(messages, "delta");
      assertThat(delta.path("granularity").asString()).isEqualTo("1m");
      assertThat(asTable(delta.path("series")).get(Map.of("country", "zz"))).containsEntry(bucket, 5.0);
    });
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
  }

  private static JsonNode next(BlockingQueue<JsonNode> messages, String type) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5_000;
    while (System.currentTimeMillis() < deadline) {
      JsonNode message = messages.poll(100, TimeUnit.MILLISECONDS);
      if (message != null && message.path("type").asString().equals(type)) {
        return message;
      }
      assertThat(message == null ? "none" : message.path("type").asString()).isNotEqualTo("error");
    }
    throw new AssertionError("no " + type + " message within 5 s");
  }

  @Test
  void probesMetricsAndThePage() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    assertThat(get("/readyz").statusCode()).isEqualTo(200);
    assertThat(get("/metrics").body()).contains("pulseboard_query_cache_misses_total", "pulseboard_query_live_connections");
    HttpResponse<String> page = get("/");
    HttpResponse<String> route = get("/d/shop-health");
    assertThat(route.statusCode()).isEqualTo(page.statusCode());
    assertThat(route.body()).isEqualTo(page.body());
    assertThat(get("/api/v1/dashboards/shop-health/panels/nope").statusCode()).isEqualTo(404);
  }

  /** Collects whole text messages as JSON. */
  private static final class Collector implements WebSocket.Listener {
    private final BlockingQueue<JsonNode> messages;
    private final StringBuilder partial = new StringBuilder();

    Collector(BlockingQueue<JsonNode> messages) {
      this.messages = messages;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(JSON.readTree(partial.toString()));
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }
}
