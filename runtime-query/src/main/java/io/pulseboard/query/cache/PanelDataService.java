package io.pulseboard.query.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulseboard.api.v1alpha1.Granularity;
import io.pulseboard.query.clickhouse.PanelQuery;
import io.pulseboard.query.clickhouse.PanelQueryCompiler;
import io.pulseboard.query.clickhouse.PanelQueryRunner;
import io.pulseboard.query.panel.BadRequestException;
import io.pulseboard.query.panel.BucketRange;
import io.pulseboard.query.panel.DashboardCatalog;
import io.pulseboard.query.panel.PanelData;
import io.pulseboard.query.panel.PanelDefinition;
import io.pulseboard.query.panel.RollupRouter;
import io.pulseboard.query.panel.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.json.JsonMapper;

/**
 * Panel data for a time window: routed to a rollup, snapped to its buckets, answered from the cache when
 * it can be and from ClickHouse otherwise. Ranges whose buckets all ended more than a settle time ago
 * (events still in an ingest batch land within it) are closed: kept long, in Redis and in this process's
 * memory; other ranges only in Redis, for the dashboard's cacheTtl. Identical misses running at the same
 * time share one ClickHouse query. Answers are kept as the JSON the API sends, so a cached one goes out
 * as it was stored.
 */
public class PanelDataService {
  /** Most buckets one answer may hold (14 days of minutes). */
  public static final long MAX_BUCKETS = 20_160;

  private final DashboardCatalog catalog;
  private final PanelQueryCompiler compiler;
  private final PanelQueryRunner clickhouse;
  private final CacheStore store;
  private final ClosedAnswerMemory memory;
  private final JsonMapper json;
  private final Clock clock;
  private final Duration closedTtl;
  private final Duration settle;
  private final SingleFlight<PanelAnswer> flights = new SingleFlight<>();
  private final Counter hits;
  private final Counter misses;

  public PanelDataService(DashboardCatalog catalog, PanelQueryCompiler compiler, PanelQueryRunner clickhouse,
      CacheStore store, ClosedAnswerMemory memory, JsonMapper json, Clock clock, CacheTimes times, MeterRegistry registry) {
    this.catalog = catalog;
    this.compiler = compiler;
    this.clickhouse = clickhouse;
    this.store = store;
    this.memory = memory;
    this.json = json;
    this.clock = clock;
    this.closedTtl = times.closedTtl();
    this.settle = times.settle();
    this.hits = Counter.builder("pulseboard.query.cache.hits").description("Panel answers found in the cache").register(registry);
    this.misses = Counter.builder("pulseboard.query.cache.misses").description("Panel answers not in the cache").register(registry);
  }

  /** The rollup range a window reads: the routed granularity, snapped outward to whole buckets. */
  public static BucketRange rangeOf(PanelDefinition panel, TimeWindow window) {
    Granularity granularity = RollupRouter.route(panel.stream().granularities(), window.step(), window.lengthMillis());
    BucketRange range = BucketRange.covering(granularity, window.from(), window.to());
    if (range.bucketCount() > MAX_BUCKETS) {
      throw new BadRequestException("the range holds " + range.bucketCount() + " buckets of " + granularity.label()
          + "; the limit is " + MAX_BUCKETS + ": use a coarser step or a shorter range");
    }
    return range;
  }

  /** The panel's answer as JSON; validation errors are thrown at once, query errors fail the future. */
  public CompletableFuture<PanelAnswer> load(PanelDefinition panel, TimeWindow window) {
    PanelQuery query = compiler.compile(panel, rangeOf(panel, window));
    String key = CacheKeys.of(catalog.pipeline().namespace(), catalog.name(), query);
    byte[] kept = memory.get(key);
    if (kept != null) {
      hits.increment();
      return CompletableFuture.completedFuture(new PanelAnswer(kept, true));
    }
    return flights.run(key, () -> fromCacheOrClickHouse(key, query)).thenApply(answer -> {
      (answer.cached() ? hits : misses).increment();
      return answer;
    });
  }

  /** As {@link #load}, parsed: what a live snapshot starts from. */
  public CompletableFuture<PanelData> loadData(PanelDefinition panel, TimeWindow window) {
    return load(panel, window).thenApply(answer -> json.readValue(answer.json(), PanelData.class));
  }

  /**
   * Reads a range straight from ClickHouse, not touching the cache, with every group (no top-N): what live
   * refreshes need; they fold the groups their subscribers do not show.
   */
  public CompletableFuture<PanelData> fresh(PanelDefinition panel, BucketRange range) {
    return clickhouse.run(compiler.compileAllGroups(panel, range));
  }

  /**
   * Names a live panel across replicas: equal on two replicas only when they would run the same SQL for it
   * (same definition, stream schemaVersion and granularity), so a rolling update never mixes two versions.
   */
  public String liveKey(PanelDefinition panel, Granularity granularity) {
    BucketRange reference = new BucketRange(granularity, 0, BucketRange.sizeMillis(granularity));
    return CacheKeys.of(catalog.pipeline().namespace(), catalog.name(), compiler.compile(panel, reference))
        .substring(CacheKeys.PREFIX.length());
  }

  private CompletableFuture<PanelAnswer> fromCacheOrClickHouse(String key, PanelQuery query) {
    boolean closed = query.range().closedAt(clock.millis() - settle.toMillis());
    Duration ttl = closed ? closedTtl : Duration.ofMillis(Math.max(0, catalog.pipeline().cacheTtlMillis()));
    return store.get(key).thenCompose(cached -> {
      if (cached.isPresent()) {
        if (closed) {
          memory.put(key, cached.get().json(), cached.get().timeLeft());
        }
        return CompletableFuture.completedFuture(new PanelAnswer(cached.get().json(), true));
      }
      return clickhouse.run(query).thenApply(fresh -> {
        byte[] answer = json.writeValueAsBytes(fresh);
        if (!ttl.isZero()) {
          store.put(key, answer, ttl);
        }
        if (closed) {
          memory.put(key, answer, ttl);
        }
        return new PanelAnswer(answer, false);
      });
    });
  }
}
