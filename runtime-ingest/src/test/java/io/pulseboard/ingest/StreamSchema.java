package io.pulseboard.ingest;

import io.pulseboard.api.contract.ColumnTypes;
import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.contract.MeasureFunctions;
import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.pipeline.ColumnSpec;
import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.api.v1alpha1.Granularity;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The ClickHouse objects of a test stream, written by hand from the api contract (the operator's DDL
 * generator is not a dependency of this module): raw table, 1m/1h/1d AggregatingMergeTree rollups, and
 * one materialized view per rollup, each reading raw.
 */
public record StreamSchema(StreamNames names, List<ColumnSpec> columns, List<Measure> measures) {

  /** A measure: rollup column name, aggregate, and the raw column it reads (null for count). */
  public record Measure(String name, Aggregate aggregate, String field) {
    MeasureFunctions functions() {
      return MeasureFunctions.of(aggregate);
    }
  }

  /** Two string dimensions, a float64 amount, counted and summed. */
  public static StreamSchema orders(String database) {
    return new StreamSchema(StreamNames.of(database, "orders"),
        List.of(new ColumnSpec("country", FieldType.string, "country", false, true),
            new ColumnSpec("platform", FieldType.string, "device.platform", false, true),
            new ColumnSpec("amount", FieldType.float64, "amount", false, false)),
        List.of(new Measure("events", Aggregate.count, null), new Measure("revenue", Aggregate.sum, "amount")));
  }

  public List<String> ddl() {
    List<String> statements = new ArrayList<>();
    statements.add("CREATE DATABASE " + Identifiers.quote(names.database()));
    statements.add(rawTable());
    for (Granularity g : Granularity.values()) {
      statements.add(rollupTable(g));
      statements.add(view(g));
    }
    return statements;
  }

  public String table(String name) {
    return Identifiers.quote(names.database(), name);
  }

  private String rawTable() {
    List<String> defs = new ArrayList<>();
    defs.add(bookkeeping(StreamNames.TIME) + " DateTime('UTC')");
    columns.forEach(c -> defs.add(Identifiers.quote(c.name()) + " " + ColumnTypes.of(c.type())));
    defs.add(bookkeeping(StreamNames.PARTITION) + " Int32");
    defs.add(bookkeeping(StreamNames.OFFSET) + " Int64");
    defs.add(bookkeeping(StreamNames.INGESTED_AT) + " DateTime('UTC')");
    defs.add(bookkeeping(StreamNames.SCHEMA_VERSION) + " UInt32");
    List<String> key = new ArrayList<>(dimensions());
    key.add(bookkeeping(StreamNames.TIME));
    return "CREATE TABLE " + table(names.raw()) + " (" + String.join(", ", defs) + ") ENGINE = MergeTree()"
        + " PARTITION BY toYYYYMMDD(" + bookkeeping(StreamNames.TIME) + ") ORDER BY (" + String.join(", ", key) + ")";
  }

  private String rollupTable(Granularity g) {
    List<String> defs = new ArrayList<>();
    defs.add(bookkeeping(StreamNames.BUCKET) + " DateTime('UTC')");
    columns.stream().filter(ColumnSpec::dimension)
        .forEach(c -> defs.add(Identifiers.quote(c.name()) + " " + ColumnTypes.of(c.type())));
    measures.forEach(m -> defs.add(Identifiers.quote(m.name()) + " " + m.functions().stateType(argumentType(m))));
    List<String> key = new ArrayList<>();
    key.add(bookkeeping(StreamNames.BUCKET));
    key.addAll(dimensions());
    return "CREATE TABLE " + table(names.rollup(g)) + " (" + String.join(", ", defs) + ") ENGINE = AggregatingMergeTree()"
        + " PARTITION BY toYYYYMM(" + bookkeeping(StreamNames.BUCKET) + ") ORDER BY (" + String.join(", ", key) + ")";
  }

  private String view(Granularity g) {
    String bucket = switch (g) {
      case MINUTE -> "toStartOfMinute";
      case HOUR -> "toStartOfHour";
      case DAY -> "toStartOfDay";
    };
    List<String> select = new ArrayList<>();
    select.add(bucket + "(" + bookkeeping(StreamNames.TIME) + ") AS " + bookkeeping(StreamNames.BUCKET));
    select.addAll(dimensions());
    measures.forEach(m -> select.add(m.functions().stateExpression(m.field() == null ? "" : Identifiers.quote(m.field()))
        + " AS " + Identifiers.quote(m.name())));
    List<String> groupBy = new ArrayList<>();
    groupBy.add(bookkeeping(StreamNames.BUCKET));
    groupBy.addAll(dimensions());
    return "CREATE MATERIALIZED VIEW " + table(names.view(g, 1)) + " TO " + table(names.rollup(g))
        + " AS SELECT " + String.join(", ", select) + " FROM " + table(names.raw())
        + " WHERE " + bookkeeping(StreamNames.SCHEMA_VERSION) + " = 1"
        + " GROUP BY " + String.join(", ", groupBy);
  }

  private List<String> dimensions() {
    return columns.stream().filter(ColumnSpec::dimension).map(c -> Identifiers.quote(c.name())).collect(Collectors.toList());
  }

  private String argumentType(Measure m) {
    return m.field() == null ? "" : columns.stream().filter(c -> c.name().equals(m.field()))
        .map(c -> ColumnTypes.of(c.type())).findFirst().orElseThrow();
  }

  private static String bookkeeping(String name) {
    return Identifiers.quoteColumn(name);
  }
}
