package io.pulseboard.query.bench;

import io.pulseboard.api.pipeline.QueryPipeline;
import io.pulseboard.query.ClickHouseHttp;
import io.pulseboard.query.QueryProcess;
import io.pulseboard.query.TestingPipelines;
import io.pulseboard.services.ClickHouseProcess;
import io.pulseboard.services.RedisProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench/query [--events N] [--requests R]}: N events (default 10M) over the last 7 days, written
 * server-side into the raw table of a stream created with the operator's DDL (so the views fill the
 * rollups). Then, for two panels over the last closed 24 h at 1m (events: one series; revenue by country:
 * eight), R requests each through the packaged query service: cold (a service without cache: every request
 * reads ClickHouse), cached in Redis (a service with Redis and no memory tier) and cached in memory (the
 * default: Redis plus closed answers in process memory); and the same aggregate straight from the 1m rollup
 * and from raw, side by side, all through one blocking HTTP client. Every line is warmed up before it is
 * timed, and the whole run is done twice; the second pass is reported. Starts its own ClickHouse and
 * Redis; prints a table and writes target/bench/query.json.
 */
public final class QueryBench {
  private static final JsonMapper JSON = JsonMapper.shared();
  private static final BenchHttp HTTP = new BenchHttp();
  private static final long MINUTE = 60_000;
  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final long DAY = 86_400_000;

  /** A panel of the benchmark and the aggregate it shows, as SQL over the 1m rollup and over raw. */
  private record Panel(String id, String measure, List<String> groupBy, String merge, String rawAggregate) {}

  private static final List<Panel> PANELS = List.of(
      new Panel("events", "events", List.of(), "countMerge(events)", "count()"),
      new Panel("revenue-by-country", "revenue", List.of("country"), "sumMerge(revenue)", "sum(amount)"));

  public static void main(String[] args) throws Exception {
    BenchArgs options = new BenchArgs(args);
    long events = options.number("events", 10_000_000);
    int requests = (int) options.number("requests", 500);
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
      // Let the background merges of the fill finish first: they would take the CPU the timed requests need.
      long mergeStarted = System.nanoTime();
      for (String table : List.of("checkout_raw", "checkout_1m", "checkout_1h", "checkout_1d")) {
        sql.execute("OPTIMIZE TABLE " + BenchStream.DATABASE + "." + table + " FINAL");
      }
      double mergeSeconds = (System.nanoTime() - mergeStarted) / 1e9;
      System.out.printf(Locale.ROOT, "merged the parts of every table in %.1f s%n", mergeSeconds);
      result.put("events", events);
      result.put("mergeSeconds", round(mergeSeconds));
      result.put("insertSeconds", round(fillSeconds));
      result.put("requests", requests);

      // The last 24 closed hours: no open bucket, so the cache keeps the answer for an hour.
      long to = now - now % MINUTE - 2 * MINUTE;
      long from = to - DAY;
      QueryPipeline pipeline = new QueryPipeline("bench", "bench", "Bench", 2_000, DAY, 5_000,
          PANELS.stream().map(p -> TestingPipelines.panel(p.id(), p.measure(), p.groupBy(), null, List.of())).toList(),
          List.of(BenchStream.contract()));
      List<String> jvm = serviceJvmOptions();
      List<String> noMemoryTier = new ArrayList<>(jvm);
      noMemoryTier.add("-Dpulseboard.cache.memory=0");
      try (QueryProcess cached = QueryProcess.start("cached", pipeline, clickhouse.httpUrl(), redis.uri(), work, jvm);
           QueryProcess redisOnly = QueryProcess.start("redis-only", pipeline, clickhouse.httpUrl(), redis.uri(), work, noMemoryTier);
           QueryProcess uncached = QueryProcess.start("uncached", pipeline, clickhouse.httpUrl(), null, work, noMemoryTier)) {
        awaitReady(cached);
        awaitReady(redisOnly);
        awaitReady(uncached);
        Map<String, Object> panels = new LinkedHashMap<>();
        Services services = new Services(cached, redisOnly, uncached);
        // The first pass warms every service on every path (their JIT compiles for a while after the path's
        // own warm-up); only the second is reported.
        for (int pass = 1; pass <= 2; pass++) {
          System.out.printf(Locale.ROOT, "pass %d of 2%s%n", pass, pass == 1 ? " (warm-up, not reported)" : "");
          for (Panel panel : PANELS) {
            panels.put(panel.id(), bench(panel, from, to, requests, services, clickhouse.httpUrl()));
          }
        }
        result.put("panels", panels);
        // What any request costs on this box right now: the floor under both service lines.
        warmUp(() -> fetch(cached, "/healthz"));
        result.put("serviceHealthz", row(measure(requests, () -> fetch(cached, "/healthz")), null));
      }
    }
    result.put("loadAverageAfter", BenchArgs.loadAverage());
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    print(result, out);
  }

  /** The same service three times: with both cache tiers, with Redis only, and with no cache. */
  private record Services(QueryProcess cached, QueryProcess redisOnly, QueryProcess uncached) {}

  /** -Xmx512m, plus BENCH_SERVICE_JAVA_OPTS (e.g. a flight recording) when set. */
  private static List<String> serviceJvmOptions() {
    List<String> options = new ArrayList<>(List.of("-Xmx512m"));
    String extra = System.getenv("BENCH_SERVICE_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) {
      options.addAll(List.of(extra.trim().split("\\s+")));
    }
    return options;
  }

  private static Map<String, Object> bench(Panel panel, long from, long to, int requests, Services services, String clickhouseUrl)
      throws Exception {
    QueryProcess uncached = services.uncached();
    String path = "/api/v1/dashboards/bench/panels/" + panel.id() + "?from=" + from + "&to=" + to + "&step=auto";
    int points = JSON.readTree(get(uncached, path)).path("series").valueStream().mapToInt(s -> s.path("points").size()).sum();

    warmUp(() -> fetch(uncached, path));
    double queriesBefore = uncached.metric("pulseboard_query_clickhouse_queries_total");
    Latencies cold = measure(requests, () -> fetch(uncached, path));
    double coldQueries = uncached.metric("pulseboard_query_clickhouse_queries_total") - queriesBefore;

    Latencies redis = cachedLatencies(services.redisOnly(), path, requests);
    Latencies memory = cachedLatencies(services.cached(), path, requests);

    String dims = panel.groupBy().isEmpty() ? "" : ", " + String.join(", ", panel.groupBy());
    String rollupSql = "SELECT toUInt32(_bucket) AS t" + dims + ", " + panel.merge() + " AS v FROM bench.checkout_1m"
        + " WHERE _bucket >= toDateTime(" + from / 1000 + ") AND _bucket < toDateTime(" + to / 1000 + ")"
        + " GROUP BY t" + dims + " ORDER BY t" + dims + " FORMAT JSONEachRow";
    String rawSql = "SELECT toUInt32(toStartOfMinute(_time)) AS t" + dims + ", " + panel.rawAggregate() + " AS v FROM bench.checkout_raw"
        + " WHERE _time >= toDateTime(" + from / 1000 + ") AND _time < toDateTime(" + to / 1000 + ")"
        + " GROUP BY t" + dims + " ORDER BY t" + dims + " FORMAT JSONEachRow";
    String sqlEndpoint = clickhouseUrl + "/";
    if (!HTTP.post(sqlEndpoint, rollupSql).equals(HTTP.post(sqlEndpoint, rawSql))) {
      throw new IllegalStateException("panel " + panel.id() + ": the rollup and raw answers differ: the benchmark's data is wrong");
    }
    warmUp(() -> HTTP.postAndDrain(sqlEndpoint, rollupSql));
    Latencies rollup = measure(requests, () -> HTTP.postAndDrain(sqlEndpoint, rollupSql));
    warmUp(() -> HTTP.postAndDrain(sqlEndpoint, rawSql));
    Latencies raw = measure(requests, () -> HTTP.postAndDrain(sqlEndpoint, rawSql));

    Map<String, Object> r = new LinkedHashMap<>();
    r.put("groupBy", panel.groupBy());
    r.put("points", points);
    r.put("serviceCold", row(cold, 50.0));
    r.put("serviceCachedRedis", row(redis, 3.0));
    r.put("serviceCachedMemory", row(memory, 3.0));
    r.put("clickhouseRollup", row(rollup, null));
    r.put("clickhouseRaw", row(raw, null));
    r.put("rawOverRollupP50", round(raw.percentile(50) / rollup.percentile(50)));
    r.put("coldRequestsThatQueriedClickHouse", coldQueries);
    return r;
  }

  /** Cached requests after one that filled the cache; fails unless every one was a cache hit. */
  private static Latencies cachedLatencies(QueryProcess service, String path, int requests) throws Exception {
    warmUp(() -> fetch(service, path));
    double queriesBefore = service.metric("pulseboard_query_clickhouse_queries_total");
    double hitsBefore = service.metric("pulseboard_query_cache_hits_total");
    Latencies latencies = measure(requests, () -> fetch(service, path));
    double hits = service.metric("pulseboard_query_cache_hits_total") - hitsBefore;
    if (hits != requests || service.metric("pulseboard_query_clickhouse_queries_total") != queriesBefore) {
      throw new IllegalStateException("only " + hits + " of " + requests + " cached requests were cache hits");
    }
    return latencies;
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
      line("service, cached in Redis", p.get("serviceCachedRedis"), "<= 3 ms");
      line("service, cached in memory", p.get("serviceCachedMemory"), "<= 3 ms");
      line("ClickHouse, 1m rollup (direct)", p.get("clickhouseRollup"), "");
      line("ClickHouse, raw (direct)", p.get("clickhouseRaw"), "");
      System.out.printf(Locale.ROOT, "%-34s %8.1fx%n", "raw / rollup (p50)", (double) p.get("rawOverRollupP50"));
      System.out.printf(Locale.ROOT, "(cold requests that queried ClickHouse: %.0f)%n", (double) p.get("coldRequestsThatQueriedClickHouse"));
    });
    line("(floor: service GET /healthz)", r.get("serviceHealthz"), "");
    System.out.println("written to " + out.toAbsolutePath());
  }

  @SuppressWarnings("unchecked")
  private static void line(String name, Object row, String goal) {
    Map<String, Object> r = (Map<String, Object>) row;
    System.out.printf(Locale.ROOT, "%-34s %9.2f %9.2f %12s%n", name, (double) r.get("p50Ms"), (double) r.get("p99Ms"), goal);
  }

  /**
   * Repeats {@code request}, untimed, for {@link #WARM_UP} before a line is timed: a service answers a
   * dashboard for hours, and on two cores the JIT compiling a new path takes the CPU a request needs (p99 of
   * /healthz: 5-6 ms over the first 2,000 requests, about 1 ms after 6,000).
   */
  private static void warmUp(Runnable request) {
    long end = System.nanoTime() + WARM_UP.toNanos();
    while (System.nanoTime() < end) {
      request.run();
    }
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
    return HTTP.get("http://127.0.0.1:" + service.port() + path);
  }

  private static void fetch(QueryProcess service, String path) {
    HTTP.fetch("http://127.0.0.1:" + service.port() + path);
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
