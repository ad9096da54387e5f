package io.pulseboard.query.bench;

import io.pulseboard.api.pipeline.QueryPipeline;
import io.pulseboard.query.ClickHouseHttp;
import io.pulseboard.query.QueryProcess;
import io.pulseboard.query.TestingPipelines;
import io.pulseboard.services.ClickHouseProcess;
import io.pulseboard.services.RedisProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench/query [--events N] [--requests R]}: N events (default 10M) over the last 7 days, written
 * server-side into the raw table of a stream created with the operator's DDL (so the views fill the
 * rollups). Then, for two panels over the last closed 24 h at 1m (events: one series; revenue by country:
 * eight), R requests each through the packaged query service cold (a second service without Redis: every
 * request reads ClickHouse) and cached (the service with Redis, after one request filled the cache), and the
 * same aggregate straight from the 1m rollup and from raw, side by side. Starts its own ClickHouse and
 * Redis; prints a table and writes target/bench/query.json.
 */
public final class QueryBench {
  private static final JsonMapper JSON = JsonMapper.shared();
  private static final long MINUTE = 60_000;
  private static final long DAY = 86_400_000;

  /** A panel of the benchmark and the aggregate it shows, as SQL over the 1m rollup and over raw. */
  private record Panel(String id, String measure, List<String> groupBy, String merge, String rawAggregate) {}

  private static final List<Panel> PANELS = List.of(
      new Panel("events", "events", List.of(), "countMerge(events)", "count()"),
      new Panel("revenue-by-country", "revenue", List.of("country"), "sumMerge(revenue)", "sum(amount)"));

  public static void main(String[] args) throws Exception {
    BenchArgs options = new BenchArgs(args);
    long events = options.number("events", 10_000_000);
    int requests = (int) options.number("requests", 200);
    Path out = options.path("out", "target/bench/query.json");
    Path work = Files.createTempDirectory("pulseboard-bench-query-");
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("loadAverageBefore", BenchArgs.loadAverage());

    try (ClickHouseProcess clickhouse = ClickHouseProcess.start(work.resolve("clickhouse"));
         RedisProcess redis = RedisProcess.start(work.resolve("redis"))) {
      ClickHouseHttp sql = new ClickHouseHttp(clickhouse.httpUrl());
      BenchStream.ddl().forEach(sql::execute);
      long now = System.currentTimeMillis();
      long fillStarted = System.nanoTime();
      sql.execute(BenchStream.fill(events, now / 1000 - 7 * 86_400, 7 * 86_400 - 120));
      double fillSeconds = (System.nanoTime() - fillStarted) / 1e9;
      System.out.printf(Locale.ROOT, "inserted %,d events in %.1f s (%,.0f rows/s, views included)%n", events, fillSeconds, events / fillSeconds);
      result.put("events", events);
      result.put("insertSeconds", round(fillSeconds));
      result.put("requests", requests);

      // The last 24 closed hours: no open bucket, so the cache keeps the answer for an hour.
      long to = now - now % MINUTE - 2 * MINUTE;
      long from = to - DAY;
      QueryPipeline pipeline = new QueryPipeline("bench", "bench", "Bench", 2_000, DAY, 5_000,
          PANELS.stream().map(p -> TestingPipelines.panel(p.id(), p.measure(), p.groupBy(), null, List.of())).toList(),
          List.of(BenchStream.contract()));
      List<String> jvm = List.of("-Xmx512m");
      try (QueryProcess cached = QueryProcess.start("cached", pipeline, clickhouse.httpUrl(), redis.uri(), work, jvm);
           QueryProcess uncached = QueryProcess.start("uncached", pipeline, clickhouse.httpUrl(), null, work, jvm)) {
        awaitReady(cached);
        awaitReady(uncached);
        Map<String, Object> panels = new LinkedHashMap<>();
        for (Panel panel : PANELS) {
          panels.put(panel.id(), bench(panel, from, to, requests, cached, uncached, sql));
        }
        result.put("panels", panels);
        // What any request costs on this box right now: the floor under both service lines.
        measure(requests, () -> get(cached, "/healthz"));
        result.put("serviceHealthz", row(measure(requests, () -> get(cached, "/healthz")), null));
      }
    }
    result.put("loadAverageAfter", BenchArgs.loadAverage());
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    print(result, out);
  }

  private static Map<String, Object> bench(Panel panel, long from, long to, int requests, QueryProcess cached, QueryProcess uncached,
      ClickHouseHttp sql) throws Exception {
    String path = "/api/v1/dashboards/bench/panels/" + panel.id() + "?from=" + from + "&to=" + to + "&step=auto";
    int points = JSON.readTree(get(uncached, path)).path("series").valueStream().mapToInt(s -> s.path("points").size()).sum();

    measure(requests, () -> get(uncached, path));
    double queriesBefore = uncached.metric("pulseboard_query_clickhouse_queries_total");
    Latencies cold = measure(requests, () -> get(uncached, path));
    double coldQueries = uncached.metric("pulseboard_query_clickhouse_queries_total") - queriesBefore;

    measure(requests, () -> get(cached, path));
    double hitsBefore = cached.metric("pulseboard_query_cache_hits_total");
    Latencies warm = measure(requests, () -> get(cached, path));
    double hits = cached.metric("pulseboard_query_cache_hits_total") - hitsBefore;

    String dims = panel.groupBy().isEmpty() ? "" : ", " + String.join(", ", panel.groupBy());
    String rollupSql = "SELECT toUInt32(_bucket) AS t" + dims + ", " + panel.merge() + " AS v FROM bench.checkout_1m"
        + " WHERE _bucket >= toDateTime(" + from / 1000 + ") AND _bucket < toDateTime(" + to / 1000 + ")"
        + " GROUP BY t" + dims + " ORDER BY t" + dims + " FORMAT JSONEachRow";
    String rawSql = "SELECT toUInt32(toStartOfMinute(_time)) AS t" + dims + ", " + panel.rawAggregate() + " AS v FROM bench.checkout_raw"
        + " WHERE _time >= toDateTime(" + from / 1000 + ") AND _time < toDateTime(" + to / 1000 + ")"
        + " GROUP BY t" + dims + " ORDER BY t" + dims + " FORMAT JSONEachRow";
    if (!sql.execute(rollupSql).equals(sql.execute(rawSql))) {
      throw new IllegalStateException("panel " + panel.id() + ": the rollup and raw answers differ: the benchmark's data is wrong");
    }
    measure(Math.max(10, requests / 10), () -> sql.execute(rollupSql));
    Latencies rollup = measure(requests, () -> sql.execute(rollupSql));
    measure(Math.max(10, requests / 10), () -> sql.execute(rawSql));
    Latencies raw = measure(requests, () -> sql.execute(rawSql));

    Map<String, Object> r = new LinkedHashMap<>();
    r.put("groupBy", panel.groupBy());
    r.put("points", points);
    r.put("serviceCold", row(cold, 50.0));
    r.put("serviceCached", row(warm, 3.0));
    r.put("clickhouseRollup", row(rollup, null));
    r.put("clickhouseRaw", row(raw, null));
    r.put("rawOverRollupP50", round(raw.percentile(50) / rollup.percentile(50)));
    r.put("coldRequestsThatQueriedClickHouse", coldQueries);
    r.put("cachedRequestsServedFromRedis", hits);
    return r;
  }

  private static Map<String, Object> row(Latencies l, Double goalP99) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("p50Ms", round(l.percentile(50)));
    row.put("p99Ms", round(l.percentile(99)));
    if (goalP99 != null) {
      row.put("goalP99Ms", goalP99);
      row.put("met", l.percentile(99) <= goalP99);
    }
    return row;
  }

  @SuppressWarnings("unchecked")
  private static void print(Map<String, Object> r, Path out) {
    System.out.printf(Locale.ROOT, "%nquery bench: %,d events over 7 days; last 24 h at 1m; %d requests per line; load %s -> %s%n",
        (long) r.get("events"), (int) r.get("requests"), r.get("loadAverageBefore"), r.get("loadAverageAfter"));
    ((Map<String, Object>) r.get("panels")).forEach((id, value) -> {
      Map<String, Object> p = (Map<String, Object>) value;
      System.out.printf(Locale.ROOT, "%npanel %s (%s points)%-10s %9s %9s %12s%n", id, p.get("points"), "", "p50 ms", "p99 ms", "goal p99");
      line("service, cold (no cache)", p.get("serviceCold"), "<= 50 ms");
      line("service, cached (Redis)", p.get("serviceCached"), "<= 3 ms");
      line("ClickHouse, 1m rollup (direct)", p.get("clickhouseRollup"), "");
      line("ClickHouse, raw (direct)", p.get("clickhouseRaw"), "");
      System.out.printf(Locale.ROOT, "%-34s %8.1fx%n", "raw / rollup (p50)", (double) p.get("rawOverRollupP50"));
      System.out.printf(Locale.ROOT, "(cold requests that queried ClickHouse: %.0f; cached requests served from Redis: %.0f)%n",
          (double) p.get("coldRequestsThatQueriedClickHouse"), (double) p.get("cachedRequestsServedFromRedis"));
    });
    line("(floor: service GET /healthz)", r.get("serviceHealthz"), "");
    System.out.println("written to " + out.toAbsolutePath());
  }

  @SuppressWarnings("unchecked")
  private static void line(String name, Object row, String goal) {
    Map<String, Object> r = (Map<String, Object>) row;
    System.out.printf(Locale.ROOT, "%-34s %9.2f %9.2f %12s%n", name, (double) r.get("p50Ms"), (double) r.get("p99Ms"), goal);
  }

  /** Times {@code request} {@code n} times, one after the other. */
  private static Latencies measure(int n, Runnable request) {
    Latencies latencies = new Latencies();
    for (int i = 0; i < n; i++) {
      long started = System.nanoTime();
      request.run();
      latencies.add((System.nanoTime() - started) / 1e6);
    }
    return latencies;
  }

  private static String get(QueryProcess service, String path) {
    try {
      HttpResponse<String> response = service.get(path);
      if (response.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void awaitReady(QueryProcess service) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!service.ready()) {
      if (!service.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("the query service did not start; log: " + service.log());
      }
      Thread.sleep(200);
    }
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
