package io.pulseboard.operator.clickhouse;

import static io.pulseboard.operator.clickhouse.SqlNames.quote;

import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.v1alpha1.Granularity;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders the DDL of a {@link StreamSchema}: the database, the raw table, then each rollup followed by
 * the view that fills it. Every statement is {@code IF NOT EXISTS}, so applying the list again is
 * harmless. Every view reads the raw table (a view reading another view's target never fires on 18.16).
 * Names pass through {@code Identifiers.quote} (see {@link SqlNames}); no user value appears in DDL.
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
      statements.add(view(schema.database(), schema.raw(), rollup));
    }
    return statements;
  }

  private String rawTable(String database, RawTable raw) {
    String time = quote(StreamNames.TIME);
    return createTable(database, raw.name(), raw.columns(), "MergeTree",
        "toYYYYMMDD(" + time + ")", raw.orderBy(), dialect.retention(time, raw.retention()));
  }

  private String rollupTable(String database, RollupTable rollup) {
    String bucket = quote(StreamNames.BUCKET);
    List<String> orderBy = new ArrayList<>();
    orderBy.add(StreamNames.BUCKET);
    rollup.dimensions().forEach(d -> orderBy.add(d.name()));
    return createTable(database, rollup.name(), rollup.columns(), "AggregatingMergeTree",
        "toYYYYMM(" + bucket + ")", orderBy, dialect.retention(bucket, rollup.retention()));
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

  private String view(String database, RawTable raw, RollupTable rollup) {
    List<String> select = new ArrayList<>();
    select.add(bucketFunction(rollup.granularity()) + "(" + quote(StreamNames.TIME) + ") AS "
        + quote(StreamNames.BUCKET));
    rollup.dimensions().forEach(d -> select.add(quote(d.name())));
    rollup.measures().forEach(m -> select.add(m.stateExpression() + " AS " + quote(m.name())));

    List<String> groupBy = new ArrayList<>();
    groupBy.add(quote(StreamNames.BUCKET));
    rollup.dimensions().forEach(d -> groupBy.add(quote(d.name())));

    return "CREATE MATERIALIZED VIEW IF NOT EXISTS " + Identifiers.quote(database, rollup.view())
        + "\nTO " + Identifiers.quote(database, rollup.name())
        + "\nAS SELECT\n" + select.stream().map(s -> INDENT + s).collect(Collectors.joining(",\n"))
        + "\nFROM " + Identifiers.quote(database, raw.name())
        + "\nGROUP BY " + String.join(", ", groupBy);
  }

  private static String bucketFunction(Granularity granularity) {
    return switch (granularity) {
      case MINUTE -> "toStartOfMinute";
      case HOUR -> "toStartOfHour";
      case DAY -> "toStartOfDay";
    };
  }

  private static String tuple(List<String> columns) {
    return "(" + columns.stream().map(SqlNames::quote).collect(Collectors.joining(", ")) + ")";
  }
}
