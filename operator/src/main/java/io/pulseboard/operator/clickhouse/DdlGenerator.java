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
 * Names pass through {@code Identifiers.quote} (columns through {@code Identifiers.quoteColumn}); no user value appears in DDL.
 */
public final class DdlGenerator {
  private static final String INDENT = "    ";

  private final Dialect dialect;

  public DdlGenerator(Dialect dialect) {
    this.dialect = dialect;
  }

  public List<String> statements(StreamSchema schema) {
    List<String> statements = new ArrayList<>();
    statements.add("CREATE DATABASE IF NOT EXISTS " + Identifiers.quote(schema.database()));
    statements.add(rawTable(schema.database(), schema.raw()));
    for (RollupTable rollup : schema.rollups()) {
      statements.add(rollupTable(schema.database(), rollup));
      statements.add(view(schema.database(), schema.schemaVersion(), schema.raw(), rollup));
    }
    return statements;
  }

  private String rawTable(String database, RawTable raw) {
    String time = quoteColumn(StreamNames.TIME);
    return createTable(database, raw.name(), raw.columns(), "MergeTree",
        Partitioning.ofRaw().expression(time), raw.orderBy(), dialect.retention(time, raw.retention()));
  }

  String rollupTable(String database, RollupTable rollup) {
    String bucket = quoteColumn(StreamNames.BUCKET);
    List<String> orderBy = new ArrayList<>();
    orderBy.add(StreamNames.BUCKET);
    rollup.dimensions().forEach(d -> orderBy.add(d.name()));
    return createTable(database, rollup.name(), rollup.columns(), "AggregatingMergeTree",
        Partitioning.ofRollup(rollup.granularity()).expression(bucket), orderBy,
        dialect.retention(bucket, rollup.retention()));
  }

  private String createTable(String database, String table, List<Column> columns, String engine,
      String partitionBy, List<String> orderBy, List<String> extraClauses) {
    StringBuilder sql = new StringBuilder()
        .append("CREATE TABLE IF NOT EXISTS ").append(Identifiers.quote(database, table)).append("\n(\n")
        .append(columns.stream().map(c -> INDENT + dialect.column(c)).collect(Collectors.joining(",\n")))
        .append("\n)\nENGINE = ").append(engine)
        .append("\nPARTITION BY ").append(partitionBy)
        .append("\nORDER BY ").append(tuple(orderBy));
    extraClauses.forEach(clause -> sql.append('\n').append(clause));
    return sql.toString();
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
        + "\nTO " + Identifiers.quote(database, rollup.name())
        + "\nAS SELECT\n" + select.stream().map(s -> INDENT + s).collect(Collectors.joining(",\n"))
        + "\nFROM " + Identifiers.quote(database, raw.name())
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
