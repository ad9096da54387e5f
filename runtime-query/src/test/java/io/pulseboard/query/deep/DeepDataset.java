package io.pulseboard.query.deep;

import io.pulseboard.api.contract.MeasureFunctions;
import io.pulseboard.api.pipeline.ColumnSpec;
import io.pulseboard.api.pipeline.MeasureContract;
import io.pulseboard.api.pipeline.StreamContract;
import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.query.ClickHouseHttp;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * One checkout stream with every aggregate (count, sum, min, max, avg, uniq, quantiles) and its raw table,
 * 1m/1h/1d rollups and views created as the operator does (state types and expressions from the api's
 * MeasureFunctions), filled with deterministic pseudo-random history by one INSERT ... SELECT.
 *
 * <p>History lies in {@code [now - 43 d, now - 3 d)}: tests that compare with raw keep their ranges
 * (even snapped outward to whole days) away from the events live tests insert at "now".
 */
public final class DeepDataset {
  public static final long DAY = 86_400_000L;
  public static final long HISTORY_EVENTS = 400_000;
  public static final List<String> COUNTRIES = List.of("de", "fr", "us", "it's");
  public static final List<String> PLATFORMS = List.of("ios", "android", "web");
  public static final List<Double> LEVELS = List.of(0.5, 0.9, 0.99);

  public final String database = "deep_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  public final long historyFrom;
  public final long historyTo;
  public final StreamContract stream;
  private final ClickHouseHttp clickhouse;

  private static DeepDataset shared;

  /** The dataset of this JVM, created on first use and dropped at exit, so every deep IT shares it. */
  public static synchronized DeepDataset shared(ClickHouseHttp clickhouse) {
    if (shared == null) {
      DeepDataset dataset = new DeepDataset(clickhouse, System.currentTimeMillis()).create();
      Runtime.getRuntime().addShutdownHook(new Thread(dataset::drop));
      shared = dataset;
    }
    return shared;
  }

  public DeepDataset(ClickHouseHttp clickhouse, long now) {
    this.clickhouse = clickhouse;
    long today = now - now % DAY;
    this.historyFrom = today - 43 * DAY;
    this.historyTo = today - 3 * DAY;
    this.stream = new StreamContract("checkout", 7, database, "checkout", List.of("1m", "1h", "1d"),
        List.of(dimension("country", FieldType.string), dimension("platform", FieldType.string), dimension("tier", FieldType.int64)),
        List.of(
            new MeasureContract("events", Aggregate.count, null, List.of()),
            new MeasureContract("revenue", Aggregate.sum, "amount", List.of()),
            new MeasureContract("smallest", Aggregate.min, "amount", List.of()),
            new MeasureContract("largest", Aggregate.max, "amount", List.of()),
            new MeasureContract("basket", Aggregate.avg, "amount", List.of()),
            new MeasureContract("buyers", Aggregate.uniq, "user_id", List.of()),
            new MeasureContract("latency", Aggregate.quantiles, "latency_ms", LEVELS)));
  }

  private static ColumnSpec dimension(String name, FieldType type) {
    return new ColumnSpec(name, type, name, false, true);
  }

  /** Raw table, rollups and views; then the history. */
  public DeepDataset create() {
    clickhouse.execute("CREATE DATABASE " + database);
    clickhouse.execute("CREATE TABLE " + database + ".checkout_raw (_time DateTime('UTC'), country String, platform String,"
        + " tier Int64, amount Float64, user_id String, latency_ms Float64, _partition Int32, _offset Int64,"
        + " _ingested_at DateTime('UTC')) ENGINE = MergeTree PARTITION BY toYYYYMMDD(_time) ORDER BY (country, platform, tier, _time)");
    Map<String, String> buckets = Map.of("1m", "toStartOfMinute", "1h", "toStartOfHour", "1d", "toStartOfDay");
    buckets.forEach((granularity, function) -> {
      StringJoiner columns = new StringJoiner(", ");
      StringJoiner states = new StringJoiner(", ");
      for (MeasureContract m : stream.measures()) {
        MeasureFunctions f = new MeasureFunctions(m.aggregate(), m.quantiles());
        String argType = "user_id".equals(m.field()) ? "String" : "Float64";
        columns.add(m.name() + " " + f.stateType(argType));
        states.add(f.stateExpression(m.field() == null ? "" : m.field()) + " AS " + m.name());
      }
      String table = database + ".checkout_" + granularity;
      clickhouse.execute("CREATE TABLE " + table + " (_bucket DateTime('UTC'), country String, platform String, tier Int64, "
          + columns + ") ENGINE = AggregatingMergeTree PARTITION BY toYYYYMM(_bucket) ORDER BY (_bucket, country, platform, tier)");
      clickhouse.execute("CREATE MATERIALIZED VIEW " + table + "_mv TO " + table + " AS SELECT " + function
          + "(_time) AS _bucket, country, platform, tier, " + states + " FROM " + database + ".checkout_raw"
          + " GROUP BY _bucket, country, platform, tier");
    });
    long span = (historyTo - historyFrom) / 1000;
    clickhouse.execute("INSERT INTO " + database + ".checkout_raw SELECT"
        + " toDateTime(" + historyFrom / 1000 + " + intHash32(number * 13) % " + span + ") AS _time,"
        + " arrayElement(['de', 'fr', 'us', 'it\\'s'], number % 4 + 1) AS country,"
        + " arrayElement(['ios', 'android', 'web'], intHash32(number * 3) % 3 + 1) AS platform,"
        + " toInt64(intHash32(number * 17) % 3 + 1) AS tier,"
        // Multiples of 0.25: every sum of them is exact in a Float64, whatever the order.
        + " (intHash32(number * 5) % 400 + 1) * 0.25 AS amount,"
        + " concat('u', toString(intHash32(number * 7) % 20000)) AS user_id,"
        + " toFloat64(intHash32(number * 11) % 2000) AS latency_ms,"
        + " toInt32(0) AS _partition, toInt64(number) AS _offset, now() AS _ingested_at"
        + " FROM system.numbers LIMIT " + HISTORY_EVENTS);
    return this;
  }

  public void drop() {
    clickhouse.execute("DROP DATABASE IF EXISTS " + database);
  }
}
