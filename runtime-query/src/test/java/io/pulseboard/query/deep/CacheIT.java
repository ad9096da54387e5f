package io.pulseboard.query.deep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.pulseboard.query.cache.CacheKeys;
import io.pulseboard.services.RedisProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The cache against its own Redis (a fault test may stop it): single-flight, TTLs of closed and open
 * ranges, and a Redis outage that costs requests nothing while closed answers stay in process memory.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CacheIT extends AbstractDeepIT {
  private static final String MEMORY_HITS = "cache_gets_total\\{cache=\"pulseboard\\.query\\.closed\\.answers\",result=\"hit\"}";
  private static final RedisProcess REDIS = startRedis();
  private static final RedisClient CLIENT = RedisClient.create(REDIS.uri());

  private static RedisProcess startRedis() {
    try {
      RedisProcess redis = RedisProcess.start(Files.createTempDirectory("pulseboard-cache-it-redis-"));
      Runtime.getRuntime().addShutdownHook(new Thread(redis::close));
      return redis;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void ownRedis(DynamicPropertyRegistry registry) throws Exception {
    register(registry, REDIS.uri());
    registry.add("pulseboard.cache.redis-retry", () -> "1s");
  }

  @AfterAll
  static void stopRedis() {
    CLIENT.shutdown();
    REDIS.close();
  }

  private static List<String> keys() {
    try (StatefulRedisConnection<String, String> c = CLIENT.connect()) {
      return c.sync().keys(CacheKeys.PREFIX + "*");
    }
  }

  private static long pttl(String key) {
    try (StatefulRedisConnection<String, String> c = CLIENT.connect()) {
      return c.sync().pttl(key);
    }
  }

  @Test
  @Order(1)
  void aHundredConcurrentIdenticalColdRequestsRunOneClickHouseQuery() throws Exception {
    long from = DATA.historyFrom + 5 * DeepDataset.DAY + 123_000;
    long to = from + 6 * 3_600_000;
    String path = "/api/v1/dashboards/" + DASHBOARD + "/panels/wide?from=" + from + "&to=" + to + "&step=1m";
    double queries = metric("pulseboard_query_clickhouse_queries_total");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(100);
    List<Future<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      responses.add(pool.submit(() -> {
        start.await();
        return get(path);
      }));
    }
    start.countDown();
    String first = null;
    for (Future<HttpResponse<String>> response : responses) {
      assertThat(response.get().statusCode()).isEqualTo(200);
      first = first == null ? response.get().body() : first;
      assertThat(response.get().body()).isEqualTo(first);
    }
    pool.shutdown();

    assertThat(metric("pulseboard_query_clickhouse_queries_total") - queries).isEqualTo(1.0);
    long fromS = (from - from % 60_000) / 1000;
    assertThat(awaitLoggedQueries(1, "`" + DATA.database + "`.`checkout_1m`", "toDateTime(" + fromS + ")")).hasSize(1);
  }

  @Test
  @Order(2)
  void closedRangesAreCachedLongAndRangesWithTheOpenBucketShort() throws Exception {
    List<String> before = keys();
    panel("events", DATA.historyFrom, DATA.historyFrom + 3_600_000, "1m");
    List<String> closed = new ArrayList<>(keys());
    closed.removeAll(before);
    assertThat(closed).hasSize(1);
    assertThat(pttl(closed.get(0))).as("closed: closedTtl (1 h)").isGreaterThan(Duration.ofMinutes(55).toMillis());

    long now = System.currentTimeMillis();
    panel("events", now - 3_600_000, now, "1m");
    List<String> open = new ArrayList<>(keys());
    open.removeAll(before);
    open.removeAll(closed);
    assertThat(open).hasSize(1);
    assertThat(pttl(open.get(0))).as("open: the dashboard's cacheTtl (5 s)").isBetween(1L, 5_000L);
  }

  @Test
  @Order(3)
  void withRedisDownRequestsAreAnsweredFromClickHouseAndCachingResumesWhenItReturns() throws Exception {
    long closedFrom = DATA.historyFrom + 9 * DeepDataset.DAY;
    panel("revenue", closedFrom, closedFrom + 3_600_000, "1m");
    REDIS.stop();
    try {
      double queries = metric("pulseboard_query_clickhouse_queries_total");
      for (int i = 0; i < 3; i++) {
        long started = System.nanoTime();
        long now = System.currentTimeMillis();
        panel("revenue", now - 3_600_000, now, "1m");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no wait on the missing Redis").isLessThan(Duration.ofSeconds(1));
      }
      assertThat(metric("pulseboard_query_clickhouse_queries_total") - queries).as("every open request read ClickHouse").isEqualTo(3.0);

      double memoryHits = metric(MEMORY_HITS);
      panel("revenue", closedFrom, closedFrom + 3_600_000, "1m");
      assertThat(metric("pulseboard_query_clickhouse_queries_total") - queries).as("a closed answer is still in memory").isEqualTo(3.0);
      assertThat(metric(MEMORY_HITS)).isEqualTo(memoryHits + 1);
    } finally {
      REDIS.restart();
    }
    // Open ranges are never kept in memory: a hit now is a Redis hit.
    await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      double hits = metric("pulseboard_query_cache_hits_total");
      long now = System.currentTimeMillis();
      panel("revenue", now - 3_600_000, now, "1m");
      panel("revenue", now - 3_600_000, now, "1m");
      assertThat(metric("pulseboard_query_cache_hits_total")).as("answered from Redis again").isGreaterThan(hits);
    });
    assertThat(keys()).isNotEmpty();
  }
}
