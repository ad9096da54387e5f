package io.pulseboard.query.meta;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.pulseboard.api.pipeline.StreamContract;
import io.pulseboard.query.clickhouse.ClickHouseQueries;
import io.pulseboard.query.clickhouse.MetaQueryCompiler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * How far behind each stream of the dashboard is: the age of the newest ingested raw row against the
 * stream's freshness threshold. The answer is kept for {@link #CACHE_FOR}, so pages polling every few
 * seconds cost one small query per stream per interval, whatever the number of viewers.
 */
public class StreamFreshness {
  static final Duration CACHE_FOR = Duration.ofSeconds(2);
  /** Event times this far back are searched first; partitions are by day, so older ones are skipped. */
  static final Duration RECENT = Duration.ofDays(2);
  /** Lagging up to this many times the threshold, stale beyond. */
  static final int STALE_FACTOR = 5;

  private final List<StreamContract> streams;
  private final MetaQueryCompiler compiler;
  private final ClickHouseQueries clickhouse;
  private final Clock clock;
  private CompletableFuture<Status> cached;
  private long cachedAt;

  public StreamFreshness(List<StreamContract> streams, MetaQueryCompiler compiler, ClickHouseQueries clickhouse, Clock clock) {
    this.streams = List.copyOf(streams);
    this.compiler = compiler;
    this.clickhouse = clickhouse;
    this.clock = clock;
  }

  /** The body of {@code GET .../status}. */
  public record Status(List<StreamState> streams) {}

  /** One stream's freshness; {@code newestIngestedAt} and {@code ageMs} are null when unknown or empty. */
  @JsonPropertyOrder({"stream", "newestIngestedAt", "ageMs", "state", "maxLagMs"})
  public record StreamState(String stream, Long newestIngestedAt, Long ageMs, String state, long maxLagMs) {}

  public synchronized CompletableFuture<Status> status() {
    long now = clock.millis();
    if (cached == null || now - cachedAt >= CACHE_FOR.toMillis()) {
      cachedAt = now;
      cached = compute(now);
    }
    return cached;
  }

  private CompletableFuture<Status> compute(long now) {
    List<CompletableFuture<StreamState>> states = new ArrayList<>();
    for (StreamContract stream : streams) {
      states.add(newest(stream, now).handle((newest, error) -> state(stream, newest, error, now)));
    }
    return CompletableFuture.allOf(states.toArray(CompletableFuture[]::new))
        .thenApply(done -> new Status(states.stream().map(CompletableFuture::join).toList()));
  }

  /** Newest ingestion in epoch ms, 0 for an empty table: the recent partitions first, the whole table if none. */
  private CompletableFuture<Long> newest(StreamContract stream, long now) {
    long since = (now - RECENT.toMillis()) / 1000;
    return read(compiler.newestIngested(stream, since))
        .thenCompose(recent -> recent > 0 ? CompletableFuture.completedFuture(recent) : read(compiler.newestIngested(stream, null)));
  }

  private CompletableFuture<Long> read(String sql) {
    return clickhouse.select(sql, "freshness").thenApply(rows -> {
      if (rows.isEmpty()) {
        return 0L;
      }
      JsonNode row = rows.get(0);
      return number(row.get(MetaQueryCompiler.ROWS)) == 0 ? 0L : number(row.get(MetaQueryCompiler.NEWEST)) * 1000;
    });
  }

  /** ClickHouse quotes 64-bit integers in JSON. */
  private static long number(JsonNode node) {
    if (node == null || node.isNull()) {
      return 0;
    }
    return node.isNumber() ? node.asLong() : Long.parseLong(node.asString());
  }

  static StreamState state(StreamContract stream, Long newest, Throwable error, long now) {
    long threshold = stream.freshnessMaxAgeMillis();
    if (error != null) {
      return new StreamState(stream.name(), null, null, "unknown", threshold);
    }
    if (newest == null || newest <= 0) {
      return new StreamState(stream.name(), null, null, "empty", threshold);
    }
    long age = Math.max(0, now - newest);
    String state = age <= threshold ? "fresh" : age <= STALE_FACTOR * threshold ? "lagging" : "stale";
    return new StreamState(stream.name(), newest, age, state, threshold);
  }
}
