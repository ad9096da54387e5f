package io.pulseboard.operator.clickhouse;

import static io.pulseboard.api.contract.Identifiers.quoteColumn;

import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.contract.StreamNames;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The statements of a schema change besides creating tables and views (DdlGenerator's): new raw columns,
 * back-fill markers, back-fills and view drops.
 */
public final class ChangeDdl {
  private final Dialect dialect;

  public ChangeDdl(Dialect dialect) {
    this.dialect = dialect;
  }

  /** {@code ALTER TABLE raw ADD COLUMN ...}: old rows read the column's default. */
  public String addColumns(String database, String table, List<Column> columns) {
    return "ALTER TABLE " + Identifiers.quote(database, table) + " "
        + columns.stream().map(c -> "ADD COLUMN " + dialect.column(c)).collect(Collectors.joining(", "));
  }

  /**
   * Copies the aggregate states of {@code columns} from an earlier generation of a rollup: it holds every
   * row written before the new one was created, including rows raw no longer keeps.
   */
  public String copy(String database, String from, String to, List<String> columns) {
    String list = columns.stream().map(Identifiers::quoteColumn).collect(Collectors.joining(", "));
    return "INSERT INTO " + Identifiers.quote(database, to) + " (" + list + ")\nSELECT " + list + " FROM "
        + Identifiers.quote(database, from);
  }

  /** A view without data whose existence records a pending back-fill. */
  public String marker(String database, String name) {
    return "CREATE VIEW IF NOT EXISTS " + Identifiers.quote(database, name) + " AS SELECT 1 AS " + quoteColumn("pending");
  }

  /** Drops a table or view. */
  public String drop(String database, String name) {
    return "DROP TABLE IF EXISTS " + Identifiers.quote(database, name);
  }

  /**
   * Fills {@code measures} of a rollup from the raw rows written before {@code belowVersion}. The other
   * AggregateFunction columns of the inserted rows hold empty states, which merge as identity, so counts
   * and other measures do not change.
   */
  public String backfill(String database, String raw, RollupTable rollup, List<String> dimensions,
      List<MeasureColumn> measures, int belowVersion) {
    List<String> columns = new ArrayList<>();
    List<String> select = new ArrayList<>();
    List<String> groupBy = new ArrayList<>();
    columns.add(quoteColumn(StreamNames.BUCKET));
    select.add(DdlGenerator.bucketFunction(rollup.granularity()) + "(" + quoteColumn(StreamNames.TIME) + ") AS "
        + quoteColumn(StreamNames.BUCKET));
    groupBy.add(quoteColumn(StreamNames.BUCKET));
    for (String d : dimensions) {
      columns.add(quoteColumn(d));
      select.add(quoteColumn(d));
      groupBy.add(quoteColumn(d));
    }
    for (MeasureColumn m : measures) {
      columns.add(quoteColumn(m.name()));
      select.add(m.stateExpression() + " AS " + quoteColumn(m.name()));
    }
    return "INSERT INTO " + Identifiers.quote(database, rollup.name()) + " (" + String.join(", ", columns) + ")"
        + "\nSELECT " + String.join(", ", select)
        + "\nFROM " + Identifiers.quote(database, raw)
        + "\nWHERE " + quoteColumn(StreamNames.SCHEMA_VERSION) + " < " + belowVersion
        + "\nGROUP BY " + String.join(", ", groupBy);
  }
}
