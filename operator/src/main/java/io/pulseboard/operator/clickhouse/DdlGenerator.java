package io.pulseboard.operator.clickhouse;

import static io.pulseboard.api.contract.Identifiers.quoteColumn;

import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.v1alpha1.Granularity;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders the DDL of a {@link StreamSchema}: the database, the raw table, then each rollup followed by
 * the view that fills it. Every statement is {@code IF NOT EXISTS}, so applying the list again is
 * harmless. Every view reads the raw table (a view reading another view's target never fires on 18.16),
 * and only the rows written with the schema version it belongs to.
 *
 * <p>On a cluster ({@link Topology}) every statement runs {@code ON CLUSTER}; each table becomes a replicated
 * {@code <table>_local} plus a {@code Distributed} table of the plain name in front of it, and the views
 * read the local raw table and write the local rollups, so each replica aggregates only the rows inserted
 * on it and replication copies the aggregated parts (operator/DESIGN.md, "ClickHouse clusters").
 * Names pass through {@code Identifiers.quote} (columns through {@code Identifiers.quoteColumn}); no user value appears in DDL.
 */
public final class DdlGenerator {
  private static final String INDENT = "    ";
  /** Raw rows of one Kafka partition stay on one shard, so its highest stored offset is read from one place. */
  private static final String RAW_SHARDING_KEY = quoteColumn(StreamNames.PARTITION);
  /** Only the operator's back-fills write rollups through their Distributed table; any shard will do. */
  private static final String ROLLUP_SHARDING_KEY = "rand()";

  private final Dialect dialect;
  private final Topology topology;

  /** DDL for a single server. */
  public DdlGenerator(Dialect dialect) {
    this(dialect, Topology.SINGLE_SERVER);
  }

  public DdlGenerator(Dialect dialect, Topology topology) {
    this.dialect = dialect;
    this.topology = topology;
  }

  public List<String> statements(StreamSchema schema) {
    List<String> statements = new ArrayList<>();
    statements.add("CREATE DATABASE IF NOT EXISTS " + Identifiers.quote(schema.database()) + topology.onCluster());
    statements.addAll(rawTable(schema.database(), schema.raw()));
    for (RollupTable rollup : schema.rollups()) {
      statements.addAll(rollupTable(schema.database(), rollup));
      statements.add(view(schema.database(), schema.schemaVersion(), schema.raw(), rollup));
    }
    return statements;
  }

  private List<String> rawTable(String database, RawTable raw) {
    String time = quoteColumn(StreamNames.TIME);
    return tables(database, raw.name(), raw.columns(), "MergeTree", Partitioning.ofRaw().expression(time),
        raw.orderBy(), dialect.retention(time, raw.retention()), RAW_SHARDING_KEY);
  }

  /** The rollup's table: one statement on a single server, the local table then its Distributed table on a cluster. */
  List<String> rollupTable(String database, RollupTable rollup) {
    String bucket = quoteColumn(StreamNames.BUCKET);
    List<String> orderBy = new ArrayList<>();
    orderBy.add(StreamNames.BUCKET);
    rollup.dimensions().forEach(d -> orderBy.add(d.name()));
    return tables(database, rollup.name(), rollup.columns(), "AggregatingMergeTree",
        Partitioning.ofRollup(rollup.granularity()).expression(bucket), orderBy,
        dialect.retention(bucket, rollup.retention()), ROLLUP_SHARDING_KEY);
  }

  private List<String> tables(String database, String table, List<Column> columns, String engine,
      String partitionBy, List<String> orderBy, List<String> extraClauses, String shardingKey) {
    StringBuilder sql = new StringBuilder()
        .append("CREATE TABLE IF NOT EXISTS ").append(Identifiers.quote(database, topology.storage(table)))
        .append(topology.onCluster()).append("\n(\n")
        .append(columns.stream().map(c -> INDENT + dialect.column(c)).collect(Collectors.joining(",\n")))
        .append("\n)\nENGINE = ").append(topology.engine(engine, database, table))
        .append("\nPARTITION BY ").append(partitionBy)
        .append("\nORDER BY ").append(tuple(orderBy));
    extraClauses.forEach(clause -> sql.append('\n').append(clause));
    if (!topology.isCluster()) {
      return List.of(sql.toString());
    }
    return List.of(sql.toString(), distributedTable(database, table, table, columns, shardingKey));
  }

  /**
   * {@code CREATE TABLE name ON CLUSTER (...) ENGINE = Distributed(cluster, db, <table>_local, key)}: no
   * codecs or TTL, it stores nothing. {@code name} differs from {@code table} when a changed raw table's
   * Distributed table is built beside the old one (see ChangeDdl).
   */
  String distributedTable(String database, String name, String table, List<Column> columns, String shardingKey) {
    return "CREATE TABLE IF NOT EXISTS " + Identifiers.quote(database, name) + topology.onCluster() + "\n(\n"
        + columns.stream().map(c -> INDENT + quoteColumn(c.name()) + " " + c.type()).collect(Collectors.joining(",\n"))
        + "\n)\nENGINE = " + topology.distributedEngine(database, table, shardingKey);
  }

  /** The Distributed table in front of raw, for ChangeDdl. */
  String rawDistributedTable(String database, String name, RawTable raw) {
    return distributedTable(database, name, raw.name(), raw.columns(), RAW_SHARDING_KEY);
  }
  String view(String database, int schemaVersion, RawTable raw, RollupTable rollup) {
    List<String> select = new ArrayList<>();
    select.add(bucketFunction(rollup.granularity()) + "(" + quoteColumn(StreamNames.TIME) + ") AS "
        + quoteColumn(StreamNames.BUCKET));
    rollup.dimensions().forEach(d -> select.add(quoteColumn(d.name())));
    rollup.measures().forEach(m -> select.add(m.stateExpression() + " AS " + quoteColumn(m.name())));

    List<String> groupBy = new ArrayList<>();
    groupBy.add(quoteColumn(StreamNames.BUCKET));
    rollup.dimensions().forEach(d -> groupBy.add(quoteColumn(d.name())));

    return "CREATE MATERIALIZED VIEW IF NOT EXISTS " + Identifiers.quote(database, rollup.view())
        + topology.onCluster()
        + "\nTO " + Identifiers.quote(database, topology.storage(rollup.name()))
        + "\nAS SELECT\n" + select.stream().map(s -> INDENT + s).collect(Collectors.joining(",\n"))
        + "\nFROM " + Identifiers.quote(database, topology.storage(raw.name()))
        + "\nWHERE " + quoteColumn(StreamNames.SCHEMA_VERSION) + " = " + schemaVersion
        + "\nGROUP BY " + String.join(", ", groupBy);
  }

  static String bucketFunction(Granularity granularity) {
    return switch (granularity) {
      case MINUTE -> "toStartOfMinute";
      case HOUR -> "toStartOfHour";
      case DAY -> "toStartOfDay";
    };
  }

  private static String tuple(List<String> columns) {
    return "(" + columns.stream().map(Identifiers::quoteColumn).collect(Collectors.joining(", ")) + ")";
  }
}
