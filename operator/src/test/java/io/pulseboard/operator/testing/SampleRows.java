package io.pulseboard.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.api.v1alpha1.Granularity;
import io.pulseboard.operator.clickhouse.Column;
import io.pulseboard.operator.clickhouse.MeasureColumn;
import io.pulseboard.operator.clickhouse.RollupTable;
import io.pulseboard.operator.clickhouse.SqlLiterals;
import io.pulseboard.operator.clickhouse.StreamSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Three raw rows for any stream schema, the INSERT that writes them, and what each measure must read back
 * from every rollup. The rows fall into two minutes of one hour of one day, so the 1m rollup has two
 * buckets and the others one. Values by type: strings alternate between two values, Int64 is 1, 2, 3,
 * Float64 is 1.5, 2.5, 4.0, booleans alternate, DateTimes are the row's event time.
 */
public final class SampleRows {
  private static final List<String> TIMES =
      List.of("2026-11-28 10:00:10", "2026-11-28 10:00:40", "2026-11-28 10:01:30");
  private static final List<Double> FLOATS = List.of(1.5, 2.5, 4.0);
  private static final int ROWS = 3;

  private final StreamSchema schema;

  public SampleRows(StreamSchema schema) {
    this.schema = schema;
  }

  /** One INSERT of the three rows into the raw table, so that every view fires once. */
  public String insert() {
    List<Column> columns = schema.raw().columns();
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      int row = i;
      rows.add("(" + columns.stream().map(c -> literal(c, row)).collect(Collectors.joining(", ")) + ")");
    }
    return "INSERT INTO " + Identifiers.quote(schema.database(), schema.raw().name()) + " ("
        + columns.stream().map(c -> Identifiers.quoteColumn(c.name())).collect(Collectors.joining(", "))
        + ") VALUES " + String.join(", ", rows);
  }

  /** Reads every measure of {@code rollup} merged over all its buckets, and the number of buckets. */
  public String mergedQuery(RollupTable rollup) {
    List<String> select = new ArrayList<>();
    rollup.measures().forEach(m -> select.add(m.functions().mergeExpression(Identifiers.quoteColumn(m.name()))
        + " AS " + Identifiers.quoteColumn(m.name())));
    select.add("uniqExact(" + Identifiers.quoteColumn(StreamNames.BUCKET) + ") AS buckets");
    return "SELECT " + String.join(", ", select) + " FROM "
        + Identifiers.quote(schema.database(), rollup.name()) + " FORMAT JSONEachRow";
  }

  /** Every measure computed from raw with the plain aggregate, to compare the sketches (quantiles) with. */
  public String rawQuery(RollupTable rollup) {
    return "SELECT " + rollup.measures().stream()
        .map(m -> m.functions().rawExpression(m.argument() == null ? "" : Identifiers.quoteColumn(m.argument()))
            + " AS " + Identifiers.quoteColumn(m.name()))
        .collect(Collectors.joining(", "))
        + " FROM " + Identifiers.quote(schema.database(), schema.raw().name()) + " FORMAT JSONEachRow";
  }

  /** Asserts that what a rollup merged to is what the three rows make, and matches raw for quantiles. */
  public void check(String engine, RollupTable rollup, JsonNode merged, JsonNode fromRaw) {
    String where = engine + " " + rollup.name();
    assertThat(merged.get("buckets").asLong()).as(where + " buckets")
        .isEqualTo(rollup.granularity() == Granularity.MINUTE ? 2 : 1);
    for (MeasureColumn m : rollup.measures()) {
      JsonNode value = merged.get(m.name());
      String what = where + " " + m.name() + " (" + m.functions().function() + ")";
      Aggregate aggregate = m.functions().aggregate();
      if (aggregate == Aggregate.count) {
        assertThat(value.asLong()).as(what).isEqualTo(ROWS);
      } else if (aggregate == Aggregate.quantiles) {
        assertThat(value.toString()).as(what).isEqualTo(fromRaw.get(m.name()).toString());
        assertThat(value).as(what).hasSize(m.functions().quantiles().size());
      } else if (aggregate == Aggregate.uniq) {
        assertThat(value.asLong()).as(what).isEqualTo(new HashSet<>(values(m)).size());
      } else if (m.argumentType().startsWith("DateTime")) {
        List<String> times = values(m);
        assertThat(value.asText()).as(what).isEqualTo(aggregate == Aggregate.min ? times.get(0) : times.get(ROWS - 1));
      } else {
        List<Double> numbers = values(m).stream().map(Double::parseDouble).toList();
        double expected = switch (aggregate) {
          case sum -> numbers.stream().mapToDouble(Double::doubleValue).sum();
          case min -> numbers.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
          case max -> numbers.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
          case avg -> numbers.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
          default -> throw new IllegalStateException("unexpected " + aggregate);
        };
        assertThat(Double.parseDouble(value.asText())).as(what).isCloseTo(expected, within(1e-9));
      }
    }
  }

  /** The values the argument column of {@code m} holds in the three rows, as text. */
  private List<String> values(MeasureColumn m) {
    Map<String, Column> byName = schema.raw().columns().stream()
        .collect(Collectors.toMap(Column::name, c -> c));
    Column column = byName.get(m.argument());
    List<String> values = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      values.add(value(column, i));
    }
    return values;
  }

  private String literal(Column column, int row) {
    String value = value(column, row);
    String type = plainType(column.type());
    return type.equals("String") || type.startsWith("DateTime") ? SqlLiterals.string(value) : value;
  }

  private String value(Column column, int row) {
    return switch (column.name()) {
      case StreamNames.TIME -> TIMES.get(row);
      case StreamNames.PARTITION -> "0";
      case StreamNames.OFFSET -> Integer.toString(row);
      case StreamNames.INGESTED_AT -> TIMES.get(row);
      case StreamNames.SCHEMA_VERSION -> Integer.toString(schema.schemaVersion());
      default -> switch (plainType(column.type())) {
        case "String" -> "s" + (row % 2);
        case "Int64" -> Integer.toString(row + 1);
        case "Float64" -> Double.toString(FLOATS.get(row));
        case "UInt8" -> Integer.toString(row % 2);
        default -> TIMES.get(row);
      };
    };
  }

  private static String plainType(String type) {
    return type.startsWith("LowCardinality(") ? type.substring("LowCardinality(".length(), type.length() - 1) : type;
  }
}
