package io.pulseboard.ingest.bench;

import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.contract.MeasureFunctions;
import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.pipeline.ColumnSpec;
import io.pulseboard.api.pipeline.IngestPipeline;
import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.api.v1alpha1.Granularity;
import io.pulseboard.ingest.IngestWorker;
import io.pulseboard.ingest.StreamSchema;
import io.pulseboard.ingest.TestingClickHouse;
import io.pulseboard.ingest.config.IngestConfig;
import io.pulseboard.services.Directories;
import io.pulseboard.services.ServiceSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code bench/ingest [--events N]}: a backlog of N events in a 6-partition topic, drained into raw plus
 * 1m/1h/1d rollups (four dimensions, three measures) first by the ingest worker, then by ClickHouse's own
 * Kafka table engine with the same views. Starts its own services; prints a table and writes
 * target/bench/ingest.json.
 */
public final class IngestBench {
  private static final int PARTITIONS = 6;
  private static final String[] COUNTRIES = {"de", "fr", "us", "jp", "br", "in", "gb", "es"};
  private static final String[] PLATFORMS = {"ios", "android", "web"};
  private static final String[] BROWSERS = {"chrome", "safari", "firefox", "edge", "app"};
  private static final String[] PLANS = {"free", "pro", "team", "enterprise"};
  private static final List<ColumnSpec> COLUMNS = List.of(
      new ColumnSpec("country", FieldType.string, "country", false, true),
      new ColumnSpec("platform", FieldType.string, "platform", false, true),
      new ColumnSpec("browser", FieldType.string, "browser", false, true),
      new ColumnSpec("plan", FieldType.string, "plan", false, true),
      new ColumnSpec("amount", FieldType.float64, "amount", false, false),
      new ColumnSpec("latency_ms", FieldType.int64, "latency_ms", false, false));
  private static final List<StreamSchema.Measure> MEASURES = List.of(
      new StreamSchema.Measure("events", Aggregate.count, null),
      new StreamSchema.Measure("revenue", Aggregate.sum, "amount"),
      new StreamSchema.Measure("slowest", Aggregate.max, "latency_ms"));

  private IngestBench() {}

  /**
   * What one run measures: the backlog size, the worker's batch limits, the engine's consumers and block
   * size ({@code kafka_max_block_size}, 0 = the server's max_block_size), and which sides run.
   */
  record Options(int events, int batchRows, long batchDelayMillis, int engineConsumers, int engineBlockSize,
      boolean worker, boolean engine, Path out) {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: bench/ingest [--events N] [--batch-rows N] [--batch-delay-ms N] [--engine-consumers N]"
          + " [--engine-block-size N] [--only worker|engine] [--micro]");
      System.exit(2);
      return;
    }
    Path work = Files.createTempDirectory("pulseboard-bench-ingest-");
    int code = 0;
    try (ServiceSet services = ServiceSet.start(work)) {
      code = run(services, options);
    } catch (Exception e) {
      // The 18.16 server has gone away during the engine's drain on this box: keep its last words.
      Path errorLog = work.resolve("clickhouse").resolve("error.log");
      if (Files.exists(errorLog)) {
        List<String> lines = Files.readAllLines(errorLog);
        System.err.println("ClickHouse error.log, last lines:");
        lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(System.err::println);
      }
      throw e;
    } finally {
      Directories.deleteRecursively(work);
    }
    System.exit(code);
  }

  private static Options parse(String[] args) {
    // Defaults: the worker with the CRD's batch defaults; the engine with the best settings measured here.
    Map<String, String> values = new HashMap<>(Map.of("--events", "5000000", "--batch-rows", "500000",
        "--batch-delay-ms", "500", "--engine-consumers", String.valueOf(PARTITIONS), "--engine-block-size", "524288",
        "--only", "both", "--out", Path.of("target", "bench", "ingest.json").toString()));
    for (int i = 0; i < args.length; i++) {
      if (!values.containsKey(args[i]) || i + 1 == args.length) {
        throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
      }
      values.put(args[i], args[++i].replace("_", ""));
    }
    String only = values.get("--only");
    if (!List.of("both", "worker", "engine").contains(only)) {
      throw new IllegalArgumentException("--only takes worker or engine, not " + only);
    }
    return new Options(Integer.parseInt(values.get("--events")), Integer.parseInt(values.get("--batch-rows")),
        Long.parseLong(values.get("--batch-delay-ms")), Integer.parseInt(values.get("--engine-consumers")),
        Integer.parseInt(values.get("--engine-block-size")), !only.equals("engine"), !only.equals("worker"),
        Path.of(values.get("--out")));
  }

  private static int run(ServiceSet services, Options options) throws Exception {
    int events = options.events();
    String kafka = services.endpoints().kafkaBootstrap();
    String url = services.endpoints().clickhouseHttp();
    String topic = "bench.events";
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka));
        TestingClickHouse clickhouse = new TestingClickHouse(url)) {
      admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1), new NewTopic(topic + ".dlq", 1, (short) 1))).all().get();
      long produceStarted = System.nanoTime();
      produce(kafka, topic, events);
      double produceSeconds = seconds(produceStarted);
      System.out.printf(Locale.ROOT, "backlog: %,d events in %d partitions, produced in %.1f s%n", events, PARTITIONS, produceSeconds);

      Double workerSeconds = null;
      if (options.worker()) {
        StreamSchema worker = new StreamSchema(StreamNames.of("bench_worker", "events"), COLUMNS, MEASURES);
        worker.ddl().forEach(clickhouse::execute);
        workerSeconds = drainWithWorker(worker, kafka, topic, url, clickhouse, options);
        verify(clickhouse, worker, events, "worker");
      }
      EngineDrain engineDrain = null;
      if (options.engine()) {
        StreamSchema engine = new StreamSchema(StreamNames.of("bench_engine", "events"), COLUMNS, MEASURES);
        engineDrain = drainWithKafkaEngine(engine, admin, kafka, topic, clickhouse, options);
      }

      Double workerRate = workerSeconds == null ? null : events / workerSeconds;
      Double engineRate = engineDrain == null ? null : events / engineDrain.seconds();
      String workerName = String.format(Locale.ROOT, "pulseboard ingest worker (1 process, batches of %,d)", options.batchRows());
      String engineName = String.format(Locale.ROOT, "ClickHouse Kafka engine (%d consumers%s) + MVs", options.engineConsumers(),
          options.engineBlockSize() == 0 ? "" : String.format(Locale.ROOT, ", blocks of %,d", options.engineBlockSize()));
      System.out.println();
      System.out.printf(Locale.ROOT, "%-60s %12s %10s %14s%n", "drain of the backlog into raw + 1m/1h/1d", "events", "seconds", "events/s");
      if (workerRate != null) {
        System.out.printf(Locale.ROOT, "%-60s %,12d %10.1f %,14.0f%n", workerName, events, workerSeconds, workerRate);
      }
      if (engineRate != null) {
        System.out.printf(Locale.ROOT, "%-60s %,12d %10.1f %,14.0f%n", engineName, events, engineDrain.seconds(), engineRate);
        if (engineDrain.rows() > events) {
          System.out.printf(Locale.ROOT, "  the engine stored %,d rows for %,d events: %,d duplicates (it re-reads uncommitted"
              + " messages after a consumer rebalance); its time is to the first %,d rows%n",
              engineDrain.rows(), events, engineDrain.rows() - events, events);
        }
      }
      if (workerRate != null && engineRate != null) {
        System.out.printf(Locale.ROOT, "%-60s %12s %10s %14.2f%n", "ratio worker / engine", "", "", workerRate / engineRate);
      }
      Path out = options.out();
      Files.createDirectories(out.getParent());
      Files.writeString(out, String.format(Locale.ROOT,
          "{\"events\":%d,\"evPerSec\":%s,\"batchRows\":%d,\"baseline\":{\"name\":\"%s\",\"evPerSec\":%s,\"rows\":%s},\"ratio\":%s}%n",
          events, number(workerRate), options.batchRows(),
          "clickhouse-18.16-kafka-engine-" + options.engineConsumers() + "-consumers"
              + (options.engineBlockSize() == 0 ? "" : "-block-" + options.engineBlockSize()),
          number(engineRate), engineDrain == null ? "null" : String.valueOf(engineDrain.rows()),
          workerRate == null || engineRate == null ? "null" : String.format(Locale.ROOT, "%.3f", workerRate / engineRate)));
      System.out.println("wrote " + out.toAbsolutePath());
      return 0;
    }
  }

  private static String number(Double value) {
    return value == null ? "null" : String.format(Locale.ROOT, "%.0f", value);
  }

  /** How long the engine took to store as many rows as there are events, and how many it stored in the end. */
  private record EngineDrain(double seconds, long rows) {}

  private static double drainWithWorker(StreamSchema schema, String kafka, String topic, String url,
      TestingClickHouse clickhouse, Options options) throws Exception {
    IngestPipeline pipeline = new IngestPipeline("events", "bench", 1, kafka, topic, topic + ".dlq", "bench-worker",
        "earliest", schema.names().database(), schema.names().raw(), "ts", Duration.ofHours(6).toMillis(), COLUMNS,
        options.batchRows(), 64L << 20, options.batchDelayMillis());
    String raw = schema.table(schema.names().raw());
    long started = System.nanoTime();
    try (IngestWorker worker = IngestWorker.start(new IngestConfig(pipeline, url, "default", "", "127.0.0.1", 0))) {
      long rows = awaitCount(clickhouse, raw, options.events(), Duration.ofMinutes(30));
      double took = seconds(started);
      if (rows > options.events()) {
        throw new IllegalStateException(raw + " holds " + rows + " rows, more than the " + options.events() + " events");
      }
      String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + worker.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
      double inserts = metric(metrics, "pulseboard_ingest_insert_latency_seconds_count");
      double insertSeconds = metric(metrics, "pulseboard_ingest_insert_latency_seconds_sum");
      System.out.printf(Locale.ROOT, "worker: %.0f batches stored, %.1f s of the %.1f s drain with an INSERT running (%.0f %%)%n",
          inserts, insertSeconds, took, 100 * insertSeconds / took);
      return took;
    }
  }

  private static double metric(String text, String name) {
    for (String line : text.split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return Double.NaN;
  }

  /**
   * The engine starts reading as soon as the first view is attached, so the views are attached while its
   * group's offsets point at the end of the topic; the table is then detached, the offsets set back to 0,
   * and the timed drain begins with ATTACH.
   */
  private static EngineDrain drainWithKafkaEngine(StreamSchema schema, Admin admin, String kafka, String topic,
      TestingClickHouse clickhouse, Options options) throws Exception {
    int events = options.events();
    String group = "bench-clickhouse-engine";
    Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < PARTITIONS; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : admin.listOffsets(latest).all().get().entrySet()) {
      end.put(e.getKey(), new OffsetAndMetadata(e.getValue().offset()));
    }
    admin.alterConsumerGroupOffsets(group, end).all().get();

    for (String statement : schema.ddl()) {
      if (!statement.startsWith("CREATE MATERIALIZED VIEW")) { // its views read the Kafka table instead
        clickhouse.execute(statement);
      }
    }
    String queue = schema.table("queue");
    try {
      clickhouse.execute(queueTable(queue, kafka, topic, group, options));
      clickhouse.execute(rawView(schema, queue));
      for (Granularity g : Granularity.values()) {
        clickhouse.execute(rollupView(schema, queue, g));
      }
    } catch (IllegalStateException e) {
      System.out.println("ClickHouse's Kafka engine could not be set up: " + rootMessage(e));
      return null;
    }
    Thread.sleep(2_000);
    clickhouse.execute("DETACH TABLE " + queue);
    Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
    end.keySet().forEach(tp -> start.put(tp, new OffsetAndMetadata(0)));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (true) { // the group must be empty: its members leave as the table's consumers close
      try {
        admin.alterConsumerGroupOffsets(group, start).all().get();
        break;
      } catch (Exception e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(1_000);
      }
    }
    String raw = schema.table(schema.names().raw());
    double before = clickhouse.number("SELECT count() FROM " + raw);
    if (before != 0) {
      throw new IllegalStateException("the Kafka engine read " + before + " events before the timed run");
    }
    long started = System.nanoTime();
    clickhouse.execute("ATTACH TABLE " + queue);
    try {
      awaitCount(clickhouse, raw, events, Duration.ofMinutes(30));
    } catch (IllegalStateException e) {
      System.out.println("ClickHouse's Kafka engine did not drain the backlog: " + e.getMessage());
      return null;
    }
    double took = seconds(started);
    Thread.sleep(2_000); // duplicates, if any, arrive right behind
    long rows = (long) clickhouse.number("SELECT count() FROM " + raw);
    if (rows == events) {
      verify(clickhouse, schema, events, "kafka engine");
    }
    try {
      clickhouse.execute("DROP TABLE " + queue); // stops its consumers (takes a while with 6)
    } catch (IllegalStateException e) {
      // Seen once: the 18.16 server went away while stopping the table's consumers. The drain was measured.
      System.out.println("dropping the Kafka engine table failed (the drain was measured before): " + rootMessage(e));
    }
    return new EngineDrain(took, rows);
  }

  private static String queueTable(String queue, String kafka, String topic, String group, Options options) {
    List<String> defs = new ArrayList<>();
    defs.add("ts UInt64");
    COLUMNS.forEach(c -> defs.add(Identifiers.quote(c.name()) + " " + io.pulseboard.api.contract.ColumnTypes.of(c.type())));
    return "CREATE TABLE " + queue + " (" + String.join(", ", defs) + ") ENGINE = Kafka SETTINGS"
        + " kafka_broker_list = " + literal(kafka) + ", kafka_topic_list = " + literal(topic)
        + ", kafka_group_name = " + literal(group) + ", kafka_format = 'JSONEachRow'"
        + ", kafka_row_delimiter = '\\n', kafka_num_consumers = " + options.engineConsumers()
        + (options.engineBlockSize() == 0 ? "" : ", kafka_max_block_size = " + options.engineBlockSize());
  }

  /** The same rows the worker writes; the engine has no Kafka position to store, so those columns are 0. */
  private static String rawView(StreamSchema schema, String queue) {
    List<String> select = new ArrayList<>();
    select.add("toDateTime(intDiv(ts, 1000)) AS " + Identifiers.quoteColumn(StreamNames.TIME));
    COLUMNS.forEach(c -> select.add(Identifiers.quote(c.name())));
    select.add("toInt32(0) AS " + Identifiers.quoteColumn(StreamNames.PARTITION));
    select.add("toInt64(0) AS " + Identifiers.quoteColumn(StreamNames.OFFSET));
    select.add("now() AS " + Identifiers.quoteColumn(StreamNames.INGESTED_AT));
    select.add("toUInt32(1) AS " + Identifiers.quoteColumn(StreamNames.SCHEMA_VERSION));
    return "CREATE MATERIALIZED VIEW " + schema.table("queue_raw_mv") + " TO " + schema.table(schema.names().raw())
        + " AS SELECT " + String.join(", ", select) + " FROM " + queue;
  }

  /** The rollup views of the stream, reading the Kafka table (on 18.16 views do not chain through a TO table). */
  private static String rollupView(StreamSchema schema, String queue, Granularity g) {
    String bucket = switch (g) {
      case MINUTE -> "toStartOfMinute";
      case HOUR -> "toStartOfHour";
      case DAY -> "toStartOfDay";
    };
    List<String> dims = COLUMNS.stream().filter(ColumnSpec::dimension).map(c -> Identifiers.quote(c.name())).toList();
    List<String> select = new ArrayList<>();
    select.add(bucket + "(toDateTime(intDiv(ts, 1000))) AS " + Identifiers.quoteColumn(StreamNames.BUCKET));
    select.addAll(dims);
    for (StreamSchema.Measure m : MEASURES) {
      select.add(MeasureFunctions.of(m.aggregate()).stateExpression(m.field() == null ? "" : Identifiers.quote(m.field()))
          + " AS " + Identifiers.quote(m.name()));
    }
    List<String> groupBy = new ArrayList<>();
    groupBy.add(Identifiers.quoteColumn(StreamNames.BUCKET));
    groupBy.addAll(dims);
    return "CREATE MATERIALIZED VIEW " + schema.table("queue_" + g.label() + "_mv") + " TO " + schema.table(schema.names().rollup(g))
        + " AS SELECT " + String.join(", ", select) + " FROM " + queue + " GROUP BY " + String.join(", ", groupBy);
  }

  private static void verify(TestingClickHouse clickhouse, StreamSchema schema, int events, String who) {
    for (Granularity g : Granularity.values()) {
      double counted = clickhouse.number("SELECT countMerge(events) FROM " + schema.table(schema.names().rollup(g)));
      if (counted != events) {
        throw new IllegalStateException(who + ": the " + g.label() + " rollup counts " + counted + " events, not " + events);
      }
    }
  }

  /** Waits until the table holds at least {@code events} rows; returns how many it holds then. */
  private static long awaitCount(TestingClickHouse clickhouse, String table, int events, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    double count = 0;
    while (System.nanoTime() < deadline) {
      count = clickhouse.number("SELECT count() FROM " + table);
      if (count >= events) {
        return (long) count;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(table + " holds " + count + " of " + events + " rows after " + timeout);
  }

  /** Flat JSON events from the last hour; the key is null so the default partitioner spreads them. */
  private static void produce(String kafka, String topic, int events) {
    Random random = new Random(7);
    long now = System.currentTimeMillis();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
        ProducerConfig.LINGER_MS_CONFIG, 20,
        ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
        ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new ByteArraySerializer(), new ByteArraySerializer())) {
      StringBuilder json = new StringBuilder(200);
      for (int i = 0; i < events; i++) {
        json.setLength(0);
        json.append("{\"ts\":").append(now - random.nextInt(3_600_000))
            .append(",\"country\":\"").append(COUNTRIES[random.nextInt(COUNTRIES.length)])
            .append("\",\"platform\":\"").append(PLATFORMS[random.nextInt(PLATFORMS.length)])
            .append("\",\"browser\":\"").append(BROWSERS[random.nextInt(BROWSERS.length)])
            .append("\",\"plan\":\"").append(PLANS[random.nextInt(PLANS.length)])
            .append("\",\"amount\":").append(random.nextInt(100_000) / 100.0)
            .append(",\"latency_ms\":").append(random.nextInt(5_000)).append('}');
        producer.send(new ProducerRecord<>(topic, i % PARTITIONS, null, json.toString().getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }
  }

  private static String literal(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static String rootMessage(Throwable t) {
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
