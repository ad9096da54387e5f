package io.pulseboard.query.bench;

import io.pulseboard.api.pipeline.QueryPipeline;
import io.pulseboard.api.v1alpha1.FilterOp;
import io.pulseboard.query.ClickHouseHttp;
import io.pulseboard.query.QueryProcess;
import io.pulseboard.query.TestingPipelines;
import io.pulseboard.services.Endpoints;
import io.pulseboard.services.ServiceSet;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench/live [--clients N] [--slow-percent P] [--seconds S] [--rate R] [--freshness-seconds F]
 * [--refresh-ms T] [--batch-delay-ms D]}:
 * the packaged query service (its own process, so its RSS is its own) with live viewers on loopback.
 *
 * <ol>
 *   <li>Fan-out: N viewers (default 5,000; P % slow, reading one message every 2 s) of one panel while a
 *       trickle of events changes its open bucket; server RSS at 0, 1,000 and N viewers and again after S
 *       seconds with the slow ones behind; the fast viewers' update latency (arrival minus the tick time the
 *       delta carries); ClickHouse queries per live panel per tick (the service's counter).</li>
 *   <li>Freshness: the ingest worker (runtime-ingest's exec jar) fed from Kafka by a producer at R events/s
 *       (default 100,000) for F seconds; a few viewers of a panel counting only those events; freshness of
 *       each producer batch = the arrival of the first delta whose bucket count includes it minus the
 *       batch's event time, reported apart for the worker's first 5 s; the worker's INSERT times.</li>
 * </ol>
 * Every phase has a fixed length: the load loop stops itself. Starts its own ClickHouse, Kafka and Redis;
 * prints a table and writes target/bench/live.json.
 */
public final class LiveBench {
  private static final JsonMapper JSON = JsonMapper.shared();
  private static final long SLOW_READ_MS = 2_000;
  private static final int FRESHNESS_VIEWERS = 10;
  /**
   * Freshness of the events of the first seconds is reported apart: the worker has just started, and its
   * first seconds at 100K events/s are slower than those of a worker that has been running for hours.
   */
  private static final long FRESHNESS_WARM_UP_MS = 5_000;

  public static void main(String[] args) throws Exception {
    BenchArgs options = new BenchArgs(args);
    int clients = (int) options.number("clients", 5_000);
    int slowPercent = (int) options.number("slow-percent", 10);
    long seconds = options.number("seconds", 20);
    long rate = options.number("rate", 100_000);
    long freshnessSeconds = options.number("freshness-seconds", 20);
    // A live dashboard: events reach viewers within ingest's batch delay plus one refresh interval.
    long refreshMs = options.number("refresh-ms", 500);
    // Ingest's batch delay is the largest part of freshness: a live stream trades bigger INSERTs for it.
    String batchDelay = options.number("batch-delay-ms", 250) + "ms";
    long serverHeapMb = options.number("server-heap-mb", 1_024);
    Path out = options.path("out", "target/bench/live.json");
    Path work = Files.createTempDirectory("pulseboard-bench-live-");
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("loadAverageBefore", BenchArgs.loadAverage());

    try (ServiceSet services = ServiceSet.start(work.resolve("services"))) {
      Endpoints endpoints = services.endpoints();
      ClickHouseHttp sql = new ClickHouseHttp(endpoints.clickhouseHttp());
      BenchStream.ddl().forEach(sql::execute);
      long nowSeconds = System.currentTimeMillis() / 1000;
      sql.execute(BenchStream.fill(200_000, nowSeconds - 3_600, 3_000));
      QueryPipeline pipeline = new QueryPipeline("live", "bench", "Live", refreshMs, 3_600_000, 5_000, List.of(
          TestingPipelines.panel("events", "events", List.of(), null, List.of()),
          TestingPipelines.panel("fresh", "events", List.of(), null, List.of(TestingPipelines.filter("platform", FilterOp.in, "live")))),
          List.of(BenchStream.contract()));
      try (QueryProcess service = QueryProcess.start("live", pipeline, endpoints.clickhouseHttp(), endpoints.redis(), work,
          List.of("-Xmx" + serverHeapMb + "m"))) {
        QueryBench.awaitReady(service);
        fanOut(service, sql, clients, slowPercent, seconds, refreshMs, result);
        freshness(service, endpoints, work, rate, freshnessSeconds, refreshMs, batchDelay, result);
      }
    }
    result.put("loadAverageAfter", BenchArgs.loadAverage());
    result.put("settings", Map.of("clients", clients, "slowPercent", slowPercent, "slowReadsOneMessageEveryMs", SLOW_READ_MS,
        "measureSeconds", seconds, "refreshMs", refreshMs, "serverHeapMb", serverHeapMb, "targetRate", rate, "freshnessSeconds", freshnessSeconds,
        "ingestMaxBatchDelay", batchDelay));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    print(result, out);
  }

  @SuppressWarnings("unchecked")
  private static void fanOut(QueryProcess service, ClickHouseHttp sql, int clients, int slowPercent, long seconds, long refreshMs,
      Map<String, Object> result) throws Exception {
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    trickle.scheduleAtFixedRate(() -> sql.execute("INSERT INTO " + BenchStream.DATABASE + "." + BenchStream.NAME + "_raw (_time,"
        + " country, platform, amount, user_id, _partition, _offset, _ingested_at, _schema_version)"
        + " VALUES (now(), 'de', 'web', 1, 'u', 0, 0, now(), " + BenchStream.SCHEMA_VERSION + ")"), 0, 100, TimeUnit.MILLISECONDS);
    HttpClient http = HttpClient.newHttpClient();
    Latencies latency = new Latencies();
    boolean[] measuring = {false};
    String subscribe = "{\"type\":\"subscribe\",\"dashboard\":\"live\",\"panel\":\"events\",\"rangeMs\":3600000}";
    Map<String, Object> rss = new LinkedHashMap<>();
    List<BenchClient> connected = new ArrayList<>();
    try {
      Thread.sleep(2_000);
      rss.put("0 viewers", memory(service));
      int slowEvery = slowPercent <= 0 ? Integer.MAX_VALUE : Math.max(1, 100 / slowPercent);
      long connectStarted = System.nanoTime();
      for (int next = 0; next < clients; ) {
        List<CompletableFuture<BenchClient>> batch = new ArrayList<>();
        for (int end = Math.min(clients, next + 100); next < end; next++) {
          boolean slow = next % slowEvery == 0;
          batch.add(BenchClient.connect(http, service.port(), subscribe, slow ? SLOW_READ_MS : 0,
              slow ? null : (delta, arrived) -> {
                if (measuring[0]) {
                  latency.add(arrived - delta.path("ts").asLong());
                }
              }));
        }
        for (CompletableFuture<BenchClient> client : batch) {
          connected.add(client.get(60, TimeUnit.SECONDS));
        }
        if (connected.size() == Math.min(1_000, clients) && clients > 1_000) {
          Thread.sleep(3_000);
          rss.put("1000 viewers", memory(service));
        }
      }
      double connectSeconds = (System.nanoTime() - connectStarted) / 1e9;
      Thread.sleep(3_000);
      rss.put(clients + " viewers", memory(service));

      double queries = service.metric("pulseboard_query_clickhouse_queries_total");
      double slowCloses = service.metric("pulseboard_query_live_slow_closes_total");
      measuring[0] = true;
      long started = System.nanoTime();
      Thread.sleep(seconds * 1_000);
      measuring[0] = false;
      double elapsedMs = (System.nanoTime() - started) / 1e6;
      double ran = service.metric("pulseboard_query_clickhouse_queries_total") - queries;
      double livePanels = service.metric("pulseboard_query_live_panels");
      rss.put(clients + " viewers, " + seconds + " s later", memory(service));

      Map<String, Object> fanOut = new LinkedHashMap<>();
      fanOut.put("clients", connected.size());
      fanOut.put("slowClients", connected.stream().filter(BenchClient::slow).count());
      fanOut.put("connectSeconds", round(connectSeconds));
      fanOut.put("fastUpdateLatencyP50Ms", round(latency.percentile(50)));
      fanOut.put("fastUpdateLatencyP99Ms", round(latency.percentile(99)));
      fanOut.put("fastUpdatesMeasured", latency.count());
      fanOut.put("serverMemoryMiB", rss);
      double ticks = elapsedMs / refreshMs;
      fanOut.put("ticks", round(ticks));
      fanOut.put("livePanels", livePanels);
      fanOut.put("clickhouseQueries", ran);
      fanOut.put("clickhouseQueriesPerPanelPerTick", round(ran / ticks / Math.max(1, livePanels)));
      fanOut.put("queuedBytesAtEnd", service.metric("pulseboard_query_live_queued_bytes"));
      fanOut.put("slowClosesDuringMeasurement", service.metric("pulseboard_query_live_slow_closes_total") - slowCloses);
      result.put("fanOut", fanOut);
    } finally {
      trickle.shutdownNow();
      connected.forEach(c -> c.socket.abort());
    }
  }

  private static void freshness(QueryProcess service, Endpoints endpoints, Path work, long rate, long seconds, long refreshMs,
      String batchDelay, Map<String, Object> result) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrap()))) {
      admin.createTopics(List.of(new NewTopic(BenchStream.TOPIC, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    try (IngestWorkerProcess worker = IngestWorkerProcess.start(BenchStream.ingest(endpoints.kafkaBootstrap(), batchDelay),
        endpoints.clickhouseHttp(), work)) {
      worker.awaitReady(Duration.ofSeconds(90));
      // (bucket start, count in bucket, arrival, viewer) of every point of every delta the viewers get
      ConcurrentLinkedQueue<long[]> seen = new ConcurrentLinkedQueue<>();
      HttpClient http = HttpClient.newHttpClient();
      List<BenchClient> viewers = new ArrayList<>();
      for (int i = 0; i < FRESHNESS_VIEWERS; i++) {
        long viewer = i;
        viewers.add(BenchClient.connect(http, service.port(), "{\"type\":\"subscribe\",\"dashboard\":\"live\",\"panel\":\"fresh\","
            + "\"rangeMs\":600000}", 0, (delta, arrived) -> {
              for (JsonNode point : delta.path("series").path(0).path("points")) {
                seen.add(new long[] {point.get(0).asLong(), point.get(1).asLong(), arrived, viewer});
              }
            }).get(60, TimeUnit.SECONDS));
      }
      List<long[]> batches = produce(endpoints.kafkaBootstrap(), rate, seconds);
      Thread.sleep(3_000 + 2 * refreshMs);
      viewers.forEach(v -> v.socket.abort());

      Latencies freshness = new Latencies();
      Latencies firstSeconds = new Latencies();
      long steadyFrom = batches.isEmpty() ? 0 : batches.get(0)[2] + FRESHNESS_WARM_UP_MS;
      int unseen = 0;
      // Each viewer's first delta whose count for the batch's bucket includes the batch.
      for (long[] batch : batches) {
        long[] first = new long[FRESHNESS_VIEWERS];
        java.util.Arrays.fill(first, Long.MAX_VALUE);
        for (long[] point : seen) {
          if (point[0] == batch[0] && point[1] >= batch[1] && point[2] >= batch[2]) {
            first[(int) point[3]] = Math.min(first[(int) point[3]], point[2]);
          }
        }
        for (long arrival : first) {
          if (arrival == Long.MAX_VALUE) {
            unseen++;
          } else {
            (batch[2] < steadyFrom ? firstSeconds : freshness).add(arrival - batch[2]);
          }
        }
      }
      long sent = batches.isEmpty() ? 0 : batches.stream().mapToLong(b -> b[3]).sum();
      Map<String, Object> fresh = new LinkedHashMap<>();
      fresh.put("targetRate", rate);
      fresh.put("events", sent);
      fresh.put("achievedRate", Math.round(sent / (double) seconds));
      fresh.put("batches", batches.size());
      fresh.put("viewers", FRESHNESS_VIEWERS);
      fresh.put("batchViewerPairsNeverSeen", unseen);
      fresh.put("freshnessP50Ms", round(freshness.percentile(50)));
      fresh.put("freshnessP99Ms", round(freshness.percentile(99)));
      fresh.put("firstSecondsFreshnessP50Ms", round(firstSeconds.percentile(50)));
      fresh.put("firstSecondsFreshnessP99Ms", round(firstSeconds.percentile(99)));
      // The ingest side of freshness: how long the worker's INSERTs took (raw plus the three views).
      String insert = "pulseboard_ingest_insert_latency_seconds";
      double inserts = worker.metric(insert + "_count", "");
      fresh.put("ingestInserts", inserts);
      fresh.put("ingestInsertMeanMs", round(1000 * worker.metric(insert + "_sum", "") / inserts));
      fresh.put("ingestInsertMaxMs", round(1000 * worker.metric(insert + "_max", "")));
      fresh.put("ingestInsertsOver250Ms", inserts - worker.metric(insert + "_bucket", "le=\"0.25\""));
      result.put("freshness", fresh);
    }
  }

  /**
   * Sends {@code rate} events per second for {@code seconds}, every 10 ms the events due by then, all stamped
   * with the send time; returns per batch (bucket start, events of that bucket sent so far, event time, size).
   */
  private static List<long[]> produce(String bootstrap, long rate, long seconds) throws InterruptedException {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    config.put(ProducerConfig.ACKS_CONFIG, "1");
    List<long[]> batches = new ArrayList<>();
    Map<Long, Long> perBucket = new LinkedHashMap<>();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      long started = System.nanoTime();
      long sent = 0;
      long end = started + seconds * 1_000_000_000L;
      while (System.nanoTime() < end) {
        long due = (System.nanoTime() - started) * rate / 1_000_000_000L;
        long now = System.currentTimeMillis();
        long bucket = now - now % 60_000;
        long n = due - sent;
        for (long i = 0; i < n; i++) {
          String event = "{\"ts\":" + now + ",\"country\":\"" + BenchStream.COUNTRIES.get((int) ((sent + i) % BenchStream.COUNTRIES.size()))
              + "\",\"platform\":\"live\",\"amount\":1.0,\"user_id\":\"u" + ((sent + i) % 1000) + "\"}";
          producer.send(new ProducerRecord<>(BenchStream.TOPIC, event.getBytes(StandardCharsets.UTF_8)));
        }
        if (n > 0) {
          sent += n;
          long inBucket = perBucket.merge(bucket, n, Long::sum);
          batches.add(new long[] {bucket, inBucket, now, n});
        }
        Thread.sleep(10);
      }
      producer.flush();
    }
    return batches;
  }

  /**
   * The service's resident set, and its live heap: used heap right after a full GC (jcmd GC.run), which,
   * unlike RSS, shrinks again when memory is released.
   */
  private static Map<String, Double> memory(QueryProcess service) throws Exception {
    double rss = Double.NaN;
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(service.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
      }
    }
    Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(service.pid()), "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    gc.waitFor(30, TimeUnit.SECONDS);
    double heap = 0;
    for (String line : service.get("/metrics").body().split("\n")) {
      if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"")) {
        heap += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return Map.of("rss", rss, "heapAfterGc", round(heap / 1024 / 1024));
  }

  @SuppressWarnings("unchecked")
  private static void print(Map<String, Object> r, Path out) {
    Map<String, Object> f = (Map<String, Object>) r.get("fanOut");
    Map<String, Object> fresh = (Map<String, Object>) r.get("freshness");
    System.out.printf(Locale.ROOT, "%nlive bench: %s; load %s -> %s%n", r.get("settings"), r.get("loadAverageBefore"), r.get("loadAverageAfter"));
    System.out.printf(Locale.ROOT, "%-46s %-30s %s%n", "", "measured", "goal");
    row("viewers (slow)", f.get("clients") + " (" + f.get("slowClients") + ")", "");
    row("fast viewers' update latency p50 / p99 (ms)", f.get("fastUpdateLatencyP50Ms") + " / " + f.get("fastUpdateLatencyP99Ms"), "");
    ((Map<String, Object>) f.get("serverMemoryMiB")).forEach((k, v) -> {
      Map<String, Object> m = (Map<String, Object>) v;
      row("server RSS / heap after GC, " + k + " (MiB)", m.get("rss") + " / " + m.get("heapAfterGc"), "flat");
    });
    row("ClickHouse queries per live panel per tick", f.get("clickhouseQueriesPerPanelPerTick")
        + " (" + f.get("clickhouseQueries") + " in " + f.get("ticks") + " ticks)", "1");
    row("queued bytes at end / slow closes", f.get("queuedBytesAtEnd") + " / " + f.get("slowClosesDuringMeasurement"), "");
    row("ingest rate, target / achieved (events/s)", fresh.get("targetRate") + " / " + fresh.get("achievedRate"), "100000");
    row("freshness p50 / p99 (ms), after the first 5 s", fresh.get("freshnessP50Ms") + " / " + fresh.get("freshnessP99Ms"), "p99 < 1000");
    row("freshness p50 / p99 (ms), first 5 s (new worker)", fresh.get("firstSecondsFreshnessP50Ms") + " / "
        + fresh.get("firstSecondsFreshnessP99Ms"), "");
    row("ingest INSERTs: count, mean / max ms, > 250 ms", String.format(Locale.ROOT, "%.0f, %s / %s, %.0f",
        (double) fresh.get("ingestInserts"), fresh.get("ingestInsertMeanMs"), fresh.get("ingestInsertMaxMs"),
        (double) fresh.get("ingestInsertsOver250Ms")), "");
    row("(batch, viewer) pairs never seen", fresh.get("batchViewerPairsNeverSeen") + " of "
        + (int) fresh.get("batches") * (int) fresh.get("viewers"), "0");
    System.out.println("written to " + out.toAbsolutePath());
  }

  private static void row(String name, Object value, String goal) {
    System.out.printf(Locale.ROOT, "%-46s %-30s %s%n", name, value, goal);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
