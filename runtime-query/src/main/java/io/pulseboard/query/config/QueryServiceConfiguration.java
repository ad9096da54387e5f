package io.pulseboard.query.config;

import com.clickhouse.client.api.Client;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulseboard.query.cache.CacheStore;
import io.pulseboard.query.cache.CacheTimes;
import io.pulseboard.query.cache.ClosedAnswerMemory;
import io.pulseboard.query.cache.PanelDataService;
import io.pulseboard.query.cache.RedisCacheStore;
import io.pulseboard.query.clickhouse.ClickHouseQueries;
import io.pulseboard.query.clickhouse.MetaQueryCompiler;
import io.pulseboard.query.clickhouse.PanelQueryCompiler;
import io.pulseboard.query.live.LiveHub;
import io.pulseboard.query.live.RedisTickCoordinator;
import io.pulseboard.query.live.TickCoordinator;
import io.pulseboard.query.meta.StreamFreshness;
import io.pulseboard.query.meta.VariableValues;
import io.pulseboard.query.panel.DashboardCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires the query service from its one properties record. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueryServiceProperties.class)
public class QueryServiceConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(QueryServiceConfiguration.class);

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  DashboardCatalog dashboardCatalog(QueryServiceProperties properties) {
    LOG.info("starting with {}", properties);
    return CatalogLoader.load(properties.configDir());
  }

  @Bean(destroyMethod = "close")
  Client clickHouseClient(QueryServiceProperties properties) {
    QueryServiceProperties.ClickHouse ch = properties.clickhouse();
    // 18.16 answers an empty body to compressed HTTP responses: compression must stay off.
    return new Client.Builder()
        .addEndpoint(ch.url())
        .setUsername(ch.user())
        .setPassword(ch.password())
        .compressServerResponse(false)
        .setConnectTimeout(2, ChronoUnit.SECONDS)
        .setSocketTimeout(ch.queryTimeout().toMillis())
        .setMaxConnections(ch.maxConcurrentQueries() + 2)
        .setClientName("pulseboard-query")
        .build();
  }

  @Bean
  ClickHouseQueries clickHouseQueries(Client client, QueryServiceProperties properties, MeterRegistry registry) {
    ExecutorService pool = Executors.newFixedThreadPool(properties.clickhouse().maxConcurrentQueries(), daemonThreads("pulseboard-clickhouse"));
    return new ClickHouseQueries(client, pool, properties.clickhouse().queryTimeout(), registry);
  }

  @Bean
  PanelQueryCompiler panelQueryCompiler() {
    return new PanelQueryCompiler();
  }

  @Bean
  MetaQueryCompiler metaQueryCompiler() {
    return new MetaQueryCompiler();
  }

  @Bean
  VariableValues variableValues(DashboardCatalog catalog, MetaQueryCompiler compiler, ClickHouseQueries clickhouse) {
    return new VariableValues(catalog, compiler, clickhouse);
  }

  @Bean
  StreamFreshness streamFreshness(DashboardCatalog catalog, MetaQueryCompiler compiler, ClickHouseQueries clickhouse, Clock clock) {
    return new StreamFreshness(catalog.pipeline().streams(), compiler, clickhouse, clock);
  }

  @Bean
  CacheStore cacheStore(QueryServiceProperties properties, Clock clock) {
    if (!properties.hasRedis()) {
      LOG.info("no REDIS_URL: panel answers are cached only in this process, closed ranges only");
      return CacheStore.NONE;
    }
    QueryServiceProperties.Cache cache = properties.cache();
    return new RedisCacheStore(properties.redisUrl(), cache.redisTimeout(), cache.redisRetry(), clock);
  }

  @Bean
  PanelDataService panelDataService(DashboardCatalog catalog, PanelQueryCompiler compiler, ClickHouseQueries clickhouse,
      CacheStore store, JsonMapper json, Clock clock, QueryServiceProperties properties, MeterRegistry registry) {
    CacheTimes times = new CacheTimes(properties.cache().closedTtl(), properties.cache().settle());
    ClosedAnswerMemory memory = new ClosedAnswerMemory(properties.cache().memory().toBytes(), registry);
    return new PanelDataService(catalog, compiler, clickhouse, store, memory, json, clock, times, registry);
  }

  /** With Redis, replicas of this dashboard compute each live tick once between them; without, each alone. */
  private static TickCoordinator tickCoordinator(DashboardCatalog catalog, QueryServiceProperties properties, JsonMapper json, Clock clock) {
    if (!properties.hasRedis()) {
      return TickCoordinator.ALONE;
    }
    QueryServiceProperties.Cache cache = properties.cache();
    // The lock of a tick outlives a few ticks, so a replica whose clock lags by less than that finds it taken.
    Duration lockTtl = Duration.ofMillis(Math.max(1_000, 5 * catalog.pipeline().refreshMillis()));
    String channel = "pb:live:" + catalog.pipeline().namespace() + "/" + catalog.name();
    return new RedisTickCoordinator(properties.redisUrl(), channel, json, cache.redisTimeout(), lockTtl, cache.redisRetry(), clock);
  }

  @Bean(initMethod = "start", destroyMethod = "close")
  LiveHub liveHub(DashboardCatalog catalog, PanelDataService data, JsonMapper json, Clock clock,
      QueryServiceProperties properties, MeterRegistry registry) {
    return new LiveHub(catalog, data, json, clock, properties.live(),
        Executors.newSingleThreadScheduledExecutor(daemonThreads("pulseboard-live-tick")),
        Executors.newCachedThreadPool(daemonThreads("pulseboard-live-io")),
        tickCoordinator(catalog, properties, json, clock),
        registry);
  }

  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
