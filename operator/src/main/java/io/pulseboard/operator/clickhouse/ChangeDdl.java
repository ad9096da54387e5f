package io.pulseboard.operator.clickhouse;

import static io.pulseboard.api.contract.Identifiers.quoteColumn;

import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.contract.StreamNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The statements of a schema change besides creating tables and views (DdlGenerator's): new raw columns,
 * back-fill markers, back-fills and drops. On a cluster ({@link Topology}) DDL runs {@code ON CLUSTER},
 * and inserts go through the Distributed tables (the operator sends {@code insert_distributed_sync}).
 */
public final class ChangeDdl {
  /** Suffixes of the Distributed raw table while it is replaced by one with more columns. */
  static final String NEXT = "_next";
  static final String OLD = "_old";

  private final Dialect dialect;
  private final Topology topology;
  private final DdlGenerator ddl;

  /** Changes on a single server. */
  public ChangeDdl(Dialect dialect) {
    this(dialect, Topology.SINGLE_SERVER);
  }

  public ChangeDdl(Dialect dialect, Topology topology) {
    this.dialect = dialect;
    this.topology = topology;
    this.ddl = new DdlGenerator(dialect, topology);
  }

  /**
   * Gives the raw table the columns of {@code raw} that {@code existing} (columns by table) lacks: {@code ALTER
   * TABLE raw ADD COLUMN ...}, old rows read the column's default. On a cluster the local table is altered
   * first; 18.16 refuses {@code ALTER ... ON CLUSTER} of a Distributed table over replicated shards ("isn't
   * replicated"), so the Distributed table is replaced: a new one is built beside it and the two are
   * swapped by one RENAME (no moment without a raw table for the workers), then the old one is dropped.
   * Every step is skipped or repeated harmlessly when an earlier pass stopped half way.
   */
  public List<String> completeRaw(String database, RawTable raw, Map<String, List<Column>> existing) {
    List<String> statements = new ArrayList<>();
    String storage = topology.storage(raw.name());
    List<Column> storageMissing = missing(raw.columns(), existing.get(storage));
    if (!storageMissing.isEmpty()) {
      statements.add("ALTER TABLE " + Identifiers.quote(database, storage) + topology.onCluster() + " "
          + storageMissing.stream().map(c -> "ADD COLUMN " + dialect.column(c)).collect(Collectors.joining(", ")));
    }
    if (topology.isCluster() && !missing(raw.columns(), existing.get(raw.name())).isEmpty()) {
      String next = raw.name() + NEXT;
      String old = raw.name() + OLD;
      statements.add(drop(database, old));
      statements.add(drop(database, next));
      statements.add(ddl.rawDistributedTable(database, next, raw));
      statements.add("RENAME TABLE " + Identifiers.quote(database, raw.name()) + " TO " + Identifiers.quote(database, old)
          + ", " + Identifiers.quote(database, next) + " TO " + Identifiers.quote(database, raw.name())
          + topology.onCluster());
      statements.add(drop(database, old));
    }
    return statements;
  }

  /** A rollup generation's table (its local and Distributed tables on a cluster). */
  public List<String> rollupTable(String database, RollupTable rollup) {
    return ddl.rollupTable(database, rollup);
  }

  /** The view that fills {@code rollup} from raw rows of {@code version}. */
  public String view(String database, int version, RawTable raw, RollupTable rollup) {
    return ddl.view(database, version, raw, rollup);
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
    return "CREATE VIEW IF NOT EXISTS " + Identifiers.quote(database, name) + topology.onCluster() + " AS SELECT 1 AS "
        + quoteColumn("pending");
  }

  /** Drops a view (or one table by its exact name). */
  public String drop(String database, String name) {
    return "DROP TABLE IF EXISTS " + Identifiers.quote(database, name) + topology.onCluster();
  }

  /** Drops a logical table: on a cluster its Distributed table first, then the local one that holds the rows. */
  public List<String> dropTable(String database, String table) {
    return topology.isCluster()
        ? List.of(drop(database, table), drop(database, topology.storage(table)))
        : List.of(drop(database, table));
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

  private static List<Column> missing(List<Column> wanted, List<Column> actual) {
    if (actual == null) {
      return List.of(); // the table does not exist: creating it is DdlGenerator's job
    }
    Set<String> present = actual.stream().map(Column::name).collect(Collectors.toSet());
    return wanted.stream().filter(c -> !present.contains(c.name())).toList();
  }
}
