package io.pulseboard.query.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pulseboard.api.v1alpha1.Granularity;
import io.pulseboard.query.TestingPipelines;
import io.pulseboard.query.clickhouse.PanelQueryCompiler;
import io.pulseboard.query.panel.BadRequestException;
import io.pulseboard.query.panel.BucketRange;
import io.pulseboard.query.panel.DashboardCatalog;
import io.pulseboard.query.panel.PanelData;
import io.pulseboard.query.panel.PanelDefinition;
import io.pulseboard.query.panel.TimeWindow;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PanelDataServiceTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:30:20Z");
  private static final long HOUR = 3_600_000;

  private final DashboardCatalog catalog = DashboardCatalog.of(TestingPipelines.dashboard());
  private final TestingPanelQueryRunner clickhouse = new TestingPanelQueryRunner();
  private final TestingCacheStore store = new TestingCacheStore();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final PanelDataService service = new PanelDataService(catalog, new PanelQueryCompiler(), clickhouse, store,
      new ClosedAnswerMemory(1 << 20, registry), JsonMapper.shared(), Clock.fixed(NOW, ZoneOffset.UTC),
      new CacheTimes(Duration.ofHours(1), Duration.ofMinutes(1)), registry);
  private final PanelDefinition events = catalog.panel("shop-health", "events");

  private double counter(String name) {
    return registry.get(name).counter().count();
  }

  private PanelData load(TimeWindow window) {
    return service.loadData(events, window).join();
  }

  /** Two hours ago, closed: kept long, and in process memory. */
  private static TimeWindow closedWindow() {
    return new TimeWindow(NOW.toEpochMilli() - 3 * HOUR, NOW.toEpochMilli() - 2 * HOUR, "1m");
  }

  @Test
  void aRepeatedRequestIsAnsweredFromTheCache() {
    TimeWindow window = TimeWindow.last(HOUR, NOW.toEpochMilli());

    PanelData first = load(window);
    PanelData second = load(window);

    assertThat(second).isEqualTo(first);
    assertThat(clickhouse.queries).hasSize(1);
    assertThat(counter("pulseboard.query.cache.misses")).isEqualTo(1);
    assertThat(counter("pulseboard.query.cache.hits")).isEqualTo(1);
  }

  @Test
  void theWindowIsRoutedAndSnappedToBuckets() {
    PanelData data = load(new TimeWindow(NOW.toEpochMilli() - 2 * HOUR - 10, NOW.toEpochMilli(), "1h"));

    assertThat(data.granularity()).isEqualTo("1h");
    assertThat(data.from()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z").toEpochMilli());
    assertThat(data.to()).isEqualTo(Instant.parse("2026-03-01T13:00:00Z").toEpochMilli());
  }

  @Test
  void aRangeReachingTheOpenBucketIsCachedShortlyAClosedOneLong() {
    load(TimeWindow.last(HOUR, NOW.toEpochMilli()));
    String open = store.ttls.keySet().iterator().next();
    load(closedWindow());

    assertThat(store.ttls.get(open)).isEqualTo(Duration.ofMillis(5_000));
    assertThat(store.ttls).hasSize(2).containsValue(Duration.ofHours(1));
  }

  @Test
  void aRangeThatJustEndedIsStillTreatedAsOpen() {
    long minuteStart = Instant.parse("2026-03-01T12:30:00Z").toEpochMilli();

    load(new TimeWindow(minuteStart - HOUR, minuteStart, "1m"));

    assertThat(store.ttls.values()).containsExactly(Duration.ofMillis(5_000));
  }

  @Test
  void concurrentIdenticalMissesShareOneClickHouseQuery() {
    clickhouse.hold();
    TimeWindow window = TimeWindow.last(HOUR, NOW.toEpochMilli());

    CompletableFuture<PanelData> a = service.loadData(events, window);
    CompletableFuture<PanelData> b = service.loadData(events, window);
    CompletableFuture<PanelData> c = service.loadData(events, window);
    clickhouse.release();

    assertThat(a.join()).isEqualTo(b.join()).isEqualTo(c.join());
    assertThat(clickhouse.queries).hasSize(1);
    assertThat(counter("pulseboard.query.cache.misses")).isEqualTo(3);
  }

  @Test
  void withoutTheCacheEveryRequestIsAnsweredFromClickHouse() {
    store.down = true;
    TimeWindow window = TimeWindow.last(HOUR, NOW.toEpochMilli());

    load(window);
    load(window);

    assertThat(clickhouse.queries).hasSize(2);
  }

  @Test
  void theAnswerIsSentAsTheCacheHoldsIt() {
    TimeWindow window = TimeWindow.last(HOUR, NOW.toEpochMilli());
    byte[] computed = service.load(events, window).join().json();
    byte[] stored = "{\"panel\":\"events\",\"series\":[]}".getBytes(StandardCharsets.UTF_8);
    store.values.replaceAll((key, value) -> stored);

    PanelAnswer answer = service.load(events, window).join();

    assertThat(JsonMapper.shared().readValue(computed, PanelData.class).series()).isNotEmpty();
    assertThat(answer.cached()).isTrue();
    assertThat(answer.json()).isEqualTo(stored);
  }

  @Test
  void aClosedAnswerIsServedFromMemoryWithoutReadingRedis() {
    load(closedWindow());
    int reads = store.reads;

    PanelAnswer again = service.load(events, closedWindow()).join();

    assertThat(again.cached()).isTrue();
    assertThat(store.reads).as("no Redis read").isEqualTo(reads);
    assertThat(clickhouse.queries).hasSize(1);
    assertThat(counter("pulseboard.query.cache.hits")).isEqualTo(1);
  }

  @Test
  void anOpenAnswerIsNeverKeptInMemory() {
    TimeWindow open = TimeWindow.last(HOUR, NOW.toEpochMilli());
    load(open);
    int reads = store.reads;

    load(open);

    assertThat(store.reads).as("read from Redis again").isEqualTo(reads + 1);
  }

  @Test
  void anOpenAnswerIsNotKeptInMemoryEvenWhenItsTtlEqualsTheClosedOne() {
    // The dashboard's cacheTtl is 5 s: make closed answers live exactly as long.
    PanelDataService sameTtls = new PanelDataService(catalog, new PanelQueryCompiler(), clickhouse, store,
        new ClosedAnswerMemory(1 << 20, new SimpleMeterRegistry()), JsonMapper.shared(), Clock.fixed(NOW, ZoneOffset.UTC),
        new CacheTimes(Duration.ofMillis(5_000), Duration.ofMinutes(1)), new SimpleMeterRegistry());
    TimeWindow open = TimeWindow.last(HOUR, NOW.toEpochMilli());
    sameTtls.load(events, open).join();
    int reads = store.reads;

    sameTtls.load(events, open).join();

    assertThat(store.reads).as("read from Redis again").isEqualTo(reads + 1);
  }

  @Test
  void aClosedAnswerReadFromRedisIsKeptInMemoryNoLongerThanItsRedisCopy() {
    load(closedWindow());
    store.ttls.replaceAll((key, ttl) -> Duration.ofMillis(1));
    PanelDataService otherReplica = new PanelDataService(catalog, new PanelQueryCompiler(), clickhouse, store,
        new ClosedAnswerMemory(1 << 20, new SimpleMeterRegistry()), JsonMapper.shared(), Clock.fixed(NOW, ZoneOffset.UTC),
        new CacheTimes(Duration.ofHours(1), Duration.ofMinutes(1)), new SimpleMeterRegistry());
    assertThat(otherReplica.load(events, closedWindow()).join().cached()).as("from Redis").isTrue();
    int reads = store.reads;

    await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
      otherReplica.load(events, closedWindow()).join();
      assertThat(store.reads).as("the memory copy expired with the Redis one").isGreaterThan(reads);
    });
  }

  @Test
  void freshReadsBypassTheCache() {
    BucketRange window = BucketRange.liveWindow(Granularity.MINUTE, NOW.toEpochMilli());

    service.fresh(events, window).join();
    service.fresh(events, window).join();

    assertThat(clickhouse.queries).hasSize(2);
    assertThat(store.values).isEmpty();
  }

  @Test
  void tooManyBucketsIsABadRequest() {
    TimeWindow month = new TimeWindow(NOW.toEpochMilli() - 30 * 24 * HOUR, NOW.toEpochMilli(), "1m");

    assertThatThrownBy(() -> service.load(events, month))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("coarser step");
    assertThat(clickhouse.queries).isEmpty();
  }
}
