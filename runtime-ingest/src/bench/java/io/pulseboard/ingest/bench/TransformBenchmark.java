package io.pulseboard.ingest.bench;

import io.pulseboard.api.pipeline.ColumnSpec;
import io.pulseboard.api.pipeline.IngestPipeline;
import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.ingest.clickhouse.RowBinaryBuffer;
import io.pulseboard.ingest.clickhouse.RowEncoder;
import io.pulseboard.ingest.schema.EventParser;
import io.pulseboard.ingest.schema.ParseResult;
import io.pulseboard.ingest.schema.ParsedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The worker's CPU work per event without I/O: JSON bytes parsed and validated against the stream's
 * columns, then encoded as one RowBinary row. One thread, so the score is events/s per core. Events look
 * like the ingest benchmark's: a timestamp, four dimensions and two measures, ~150 bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TransformBenchmark {
  private static final int EVENTS = 1024;
  private static final List<ColumnSpec> COLUMNS = List.of(
      new ColumnSpec("country", FieldType.string, "country", false, true),
      new ColumnSpec("platform", FieldType.string, "platform", false, true),
      new ColumnSpec("browser", FieldType.string, "browser", false, true),
      new ColumnSpec("plan", FieldType.string, "plan", false, true),
      new ColumnSpec("amount", FieldType.float64, "amount", false, false),
      new ColumnSpec("latency_ms", FieldType.int64, "latency_ms", false, false));

  private byte[][] events;
  private EventParser parser;
  private RowEncoder encoder;
  private RowBinaryBuffer rows;

  @Setup
  public void setUp() {
    long now = 1_780_000_000_000L;
    Clock clock = Clock.fixed(Instant.ofEpochMilli(now), ZoneOffset.UTC);
    IngestPipeline pipeline = new IngestPipeline("events", "bench", 1, "127.0.0.1:9092", "t", "t.dlq", "g", "earliest",
        "bench", "events_raw", "ts", 6 * 3_600_000L, COLUMNS, 100_000, 64L << 20, 1_000);
    parser = new EventParser(pipeline, clock);
    encoder = new RowEncoder(COLUMNS, 1);
    rows = new RowBinaryBuffer(EVENTS * 128);
    Random random = new Random(7);
    String[] countries = {"de", "fr", "us", "jp", "br", "in", "gb", "es"};
    String[] platforms = {"ios", "android", "web"};
    String[] browsers = {"chrome", "safari", "firefox", "edge", "app"};
    String[] plans = {"free", "pro", "team", "enterprise"};
    events = new byte[EVENTS][];
    for (int i = 0; i < EVENTS; i++) {
      String json = "{\"ts\":" + (now - random.nextInt(3_600_000))
          + ",\"country\":\"" + countries[random.nextInt(countries.length)]
          + "\",\"platform\":\"" + platforms[random.nextInt(platforms.length)]
          + "\",\"browser\":\"" + browsers[random.nextInt(browsers.length)]
          + "\",\"plan\":\"" + plans[random.nextInt(plans.length)]
          + "\",\"amount\":" + random.nextInt(100_000) / 100.0
          + ",\"latency_ms\":" + random.nextInt(5_000) + "}";
      events[i] = json.getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Parses and encodes 1,024 events; the score counts events. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public int jsonToRowBinary() {
    rows.clear();
    for (int i = 0; i < EVENTS; i++) {
      ParseResult result = parser.parse(events[i]);
      encoder.encode((ParsedEvent) result, i % 6, i, now(), rows);
    }
    return rows.size();
  }

  private static long now() {
    return 1_780_000_000L;
  }
}
