package io.pulseboard.query.clickhouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.QueryResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulseboard.query.panel.PanelData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs compiled SQL on ClickHouse through client-v2. The 18.16 server needs an explicit
 * {@code FORMAT JSONEachRow} and hand parsing of the response (client-v2's typed readers fail on it), so
 * rows come back as JSON trees. Queries run on a bounded pool: a burst of requests queues here instead of
 * opening unbounded connections.
 */
public class ClickHouseQueries implements PanelQueryRunner, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClickHouseQueries.class);
  private static final ObjectReader ROW_READER = JsonMapper.shared().readerFor(JsonNode.class);

  private final Client client;
  private final ExecutorService executor;
  private final Duration timeout;
  private final Counter queries;
  private final Counter failures;

  public ClickHouseQueries(Client client, ExecutorService executor, Duration timeout, MeterRegistry registry) {
    this.client = client;
    this.executor = executor;
    this.timeout = timeout;
    this.queries = Counter.builder("pulseboard.query.clickhouse.queries")
        .description("Panel queries sent to ClickHouse")
        .register(registry);
    this.failures = Counter.builder("pulseboard.query.clickhouse.failures")
        .description("Panel queries that ClickHouse failed or did not answer in time")
        .register(registry);
  }

  @Override
  public CompletableFuture<PanelData> run(PanelQuery query) {
    queries.increment();
    return CompletableFuture.supplyAsync(() -> {
      try {
        return PanelRows.toPanelData(query, rows(query.sql()));
      } catch (RuntimeException e) {
        failures.increment();
        LOG.warn("panel {} query failed: {}", query.panel().id(), rootMessage(e));
        throw new QueryFailedException("ClickHouse did not answer the query of panel " + query.panel().id(), e);
      }
    }, executor);
  }

  /**
   * Rows of a statement compiled by this service (variable values, freshness), on the query pool. Never
   * called with text from a client.
   */
  public CompletableFuture<List<JsonNode>> select(String compiledSql, String what) {
    queries.increment();
    return CompletableFuture.supplyAsync(() -> {
      try {
        return rows(compiledSql);
      } catch (RuntimeException e) {
        failures.increment();
        LOG.warn("{} query failed: {}", what, rootMessage(e));
        throw new QueryFailedException("ClickHouse did not answer the " + what + " query", e);
      }
    }, executor);
  }

  /** Whether ClickHouse answers {@code SELECT 1}; runs in the calling thread. */
  public boolean answers() {
    try {
      List<JsonNode> rows = rows("SELECT 1 AS ok FORMAT JSONEachRow");
      return rows.size() == 1 && rows.get(0).path("ok").asInt() == 1;
    } catch (RuntimeException e) {
      LOG.debug("ClickHouse does not answer: {}", rootMessage(e));
      return false;
    }
  }

  /** The rows of a JSONEachRow answer, read by one parser: a parser per line costs more than the line. */
  private List<JsonNode> rows(String sql) {
    try (QueryResponse response = client.query(sql).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
         MappingIterator<JsonNode> values = ROW_READER.readValues(response.getInputStream())) {
      return values.readAll();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CompletionException(e);
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  /** Stops the query pool; the client is closed by its owner. */
  @Override
  public void close() {
    executor.shutdownNow();
  }

  static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
