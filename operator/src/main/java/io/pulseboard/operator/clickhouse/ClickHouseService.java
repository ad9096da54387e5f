package io.pulseboard.operator.clickhouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.command.CommandResponse;
import com.clickhouse.client.api.command.CommandSettings;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All SQL the operator sends to ClickHouse. Uses client-v2 with server response compression off (the LZ4
 * responses of 18.16 are empty) and parses {@code FORMAT JSONEachRow} answers itself, which works on every
 * server version. One client per connection, reused across reconciles.
 */
public final class ClickHouseService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClickHouseService.class);
  private static final long TIMEOUT_SECONDS = 30;
  /**
   * How long an ON CLUSTER statement waits for every host: below the client timeout, so a host that is down
   * shows as the server's "unfinished hosts" error; the statement stays queued and runs when the host is back.
   */
  private static final String DDL_TASK_TIMEOUT_SECONDS = "20";
  /** TIMEOUT_EXCEEDED: on a cluster, some host did not run a distributed DDL statement in time. */
  private static final int TIMEOUT_EXCEEDED = 159;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<ClickHouseConnection, Client> clients = new ConcurrentHashMap<>();

  /** Runs the statements in order, stopping at the first failure. */
  public void execute(ClickHouseConnection connection, List<String> statements) {
    Client client = client(connection);
    CommandSettings settings = new CommandSettings();
    settings(connection).forEach(settings::serverSetting);
    if (connection.topology().isCluster()) {
      settings.serverSetting("distributed_ddl_task_timeout", DDL_TASK_TIMEOUT_SECONDS);
    }
    for (String statement : statements) {
      CommandResponse response = await(connection, () -> client.execute(statement, settings));
      closeQuietly(response);
    }
  }

  /** Names of the tables and views of {@code database}; empty when the database does not exist. */
  public Set<String> tables(ClickHouseConnection connection, String database) {
    Set<String> names = new TreeSet<>();
    select(connection, "SELECT name FROM system.tables WHERE database = " + SqlLiterals.string(database)
        + " FORMAT JSONEachRow").forEach(row -> names.add(row.get("name").asText()));
    return names;
  }

  /** The columns of every table and view of {@code database}, by table name, in table order. */
  public Map<String, List<Column>> columns(ClickHouseConnection connection, String database) {
    Map<String, List<Column>> tables = new LinkedHashMap<>();
    select(connection, "SELECT table, name, type FROM system.columns WHERE database = "
        + SqlLiterals.string(database) + " FORMAT JSONEachRow")
        .forEach(row -> tables.computeIfAbsent(row.get("table").asText(), t -> new ArrayList<>())
            .add(new Column(row.get("name").asText(), row.get("type").asText())));
    return tables;
  }

  /** The sorting key of every table of {@code database} that has one, by table name, as the server prints it. */
  public Map<String, String> sortingKeys(ClickHouseConnection connection, String database) {
    Map<String, String> keys = new LinkedHashMap<>();
    select(connection, "SELECT name, sorting_key FROM system.tables WHERE database = " + SqlLiterals.string(database)
        + " AND sorting_key != '' FORMAT JSONEachRow")
        .forEach(row -> keys.put(row.get("name").asText(), row.get("sorting_key").asText()));
    return keys;
  }

  /** The server's version, such as 18.16.1. */
  public String serverVersion(ClickHouseConnection connection) {
    return select(connection, "SELECT version() AS version FORMAT JSONEachRow").get(0).get("version").asText();
  }

  @Override
  public void close() {
    clients.values().forEach(Client::close);
    clients.clear();
  }

  /** Runs a SELECT that ends in {@code FORMAT JSONEachRow} and returns its rows. */
  public List<JsonNode> select(ClickHouseConnection connection, String sql) {
    Client client = client(connection);
    QuerySettings settings = new QuerySettings();
    settings(connection).forEach(settings::serverSetting);
    try (QueryResponse response = await(connection, () -> client.query(sql, settings));
        InputStream in = response.getInputStream();
        MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(in)) {
      return it.readAll();
    } catch (ClickHouseUnavailableException | ClickHouseRejectedException e) {
      throw e;
    } catch (Exception e) {
      throw new ClickHouseUnavailableException("reading from ClickHouse at " + connection.url() + " failed: "
          + e.getMessage(), e);
    }
  }

  /**
   * On a cluster the operator reads and writes like the ingest worker ({@link Topology#writerSettings}): its
   * back-fills read raw from, and its consistency checks compare tables on, the replica the worker writes to.
   */
  private static Map<String, String> settings(ClickHouseConnection connection) {
    return connection.topology().writerSettings();
  }

  // a command's response holds only summary counters; closing it releases the HTTP connection
  private static void closeQuietly(CommandResponse response) {
    try {
      response.close();
    } catch (Exception e) {
      LOG.debug("Closing a ClickHouse response failed", e);
    }
  }

  private Client client(ClickHouseConnection connection) {
    return clients.computeIfAbsent(connection, c -> {
      LOG.info("Connecting to ClickHouse at {} as {}", c.url(), c.user());
      return new Client.Builder()
          .addEndpoint(c.url())
          .setUsername(c.user())
          .setPassword(c.password())
          .compressServerResponse(false)
          .setConnectTimeout(5, ChronoUnit.SECONDS)
          .setSocketTimeout(TIMEOUT_SECONDS, ChronoUnit.SECONDS)
          .build();
    });
  }

  private static <T> T await(ClickHouseConnection connection, Supplier<CompletableFuture<T>> call) {
    CompletableFuture<T> future = null;
    try {
      future = call.get();
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClickHouseUnavailableException("interrupted while waiting for ClickHouse", e);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new ClickHouseUnavailableException("ClickHouse at " + connection.url() + " did not answer within "
          + TIMEOUT_SECONDS + " s", e);
    } catch (ExecutionException e) {
      throw translate(connection, e.getCause());
    } catch (RuntimeException e) {
      throw translate(connection, e);
    }
  }

  private static RuntimeException translate(ClickHouseConnection connection, Throwable cause) {
    if (cause instanceof ServerException server && server.getCode() == TIMEOUT_EXCEEDED) {
      return new ClickHouseUnavailableException("a host of the cluster did not answer in time; the statement runs "
          + "there when it is back: " + firstLine(server), server);
    }
    if (cause instanceof ServerException server) {
      return new ClickHouseRejectedException("ClickHouse error " + server.getCode() + ": " + firstLine(server), server);
    }
    return new ClickHouseUnavailableException("cannot reach ClickHouse at " + connection.url() + ": "
        + firstLine(cause), cause);
  }

  private static String firstLine(Throwable t) {
    String message = String.valueOf(t.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
