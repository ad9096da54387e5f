package io.pulseboard.operator.clickhouse;

import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.v1alpha1.AnalyticsStreamSpec;
import io.pulseboard.api.v1alpha1.Granularity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a stream's ClickHouse objects to its spec, changing them under load without losing or
 * double-counting a row (operator/DESIGN.md, "Schema changes under load"). Raw rows carry the schema
 * version their worker wrote; the view of version N reads only rows of version N. A change from N to N+1:
 * <ol>
 *   <li>adds raw columns; creates a new generation of every rollup whose columns change (and of a new
 *       granularity), marked for back-fill; creates the views of N+1, which see no row yet;</li>
 *   <li>hands N+1 to the ingest ConfigMap, which rolls the workers;</li>
 *   <li>once no worker of N is left, fills each new generation with the rows written before N+1 (immutable
 *       by then), drops its marker, and drops the views of N.</li>
 * </ol>
 * Every pass derives its step from ClickHouse (which tables, views, markers and columns exist) and the
 * ingest rollout, never from memory, so the operator may stop between any two statements.
 */
public final class SchemaApplier {
  public static final int FIRST_VERSION = 1;
  private static final Logger LOG = LoggerFactory.getLogger(SchemaApplier.class);

  private final ClickHouseService clickhouse;

  public SchemaApplier(ClickHouseService clickhouse) {
    this.clickhouse = clickhouse;
  }

  /**
   * The statements of one server's dialect ({@link Dialects}: TTL and codecs on 23.8 and later) and of the
   * connection's topology (ON CLUSTER, replicated and Distributed tables when the Secret names a cluster).
   */
  private record Sql(DdlGenerator ddl, ChangeDdl change) {
    static Sql forServer(String version, Topology topology) {
      Dialect dialect = Dialects.forVersion(version);
      return new Sql(new DdlGenerator(dialect, topology), new ChangeDdl(dialect, topology));
    }
  }

  /**
   * Runs the next steps the spec and the ingest rollout allow.
   *
   * @throws UnsafeSchemaChangeException when the spec needs destructive DDL on raw; nothing was run
   * @throws TopologyMismatchException when the tables were created on a single server and the connection names
   *     a cluster, or the other way round; nothing was run
   */
  public SchemaState apply(ClickHouseConnection connection, StreamNames names, AnalyticsStreamSpec spec,
      IngestRollout rollout) {
    String server = clickhouse.serverVersion(connection);
    Sql sql = Sql.forServer(server, connection.topology());
    SchemaCatalog catalog = SchemaCatalog.read(clickhouse, connection, names.database());
    requireSameTopology(names, connection.topology(), catalog);
    RollupGenerations generations = RollupGenerations.of(names, catalog.objects());

    if (generations.latestVersion().isEmpty() && rollout.configuredVersion().isEmpty()) {
      // a new stream: no worker has written a row, everything is created at once
      StreamSchema first = StreamSchemas.of(names, spec, FIRST_VERSION);
      refuse(SchemaDrift.unsafe(first, catalog.columns()));
      if (!first.objectNames().stream().allMatch(catalog::has)) {
        LOG.info("Creating the tables and views of {} on ClickHouse {} at {} ({})", names.base(), server,
            connection.url(), connection.topology());
        clickhouse.execute(connection, sql.ddl().statements(first));
      }
      Map<Granularity, String> tables = new EnumMap<>(Granularity.class);
      first.rollups().forEach(r -> tables.put(r.granularity(), r.name()));
      return new SchemaState(server, FIRST_VERSION, OptionalInt.of(FIRST_VERSION), tables, null);
    }

    int current = generations.latestVersion().orElse(FIRST_VERSION);
    StreamSchema schema = StreamSchemas.of(names, spec, current);
    refuse(SchemaDrift.unsafe(rawOnly(schema), catalog.columns()));
    int configured = rollout.configuredVersion().orElse(current);

    if (configured < current) {
      // views of `current` exist (maybe not all) and no worker writes `current` yet: complete them, then roll
      prepare(sql, connection, names, schema, catalog, generations);
      return state(server, current - 1, OptionalInt.of(current), names, spec, connection,
          "version " + current + ": views created, rolling the ingest workers");
    }
    if (generations.unfinishedBelow(current)) {
      if (!rollout.rolledOut()) {
        boolean asApplied = matches(names, schema, catalog, generations);
        return state(server, current - 1, asApplied ? OptionalInt.of(current) : OptionalInt.empty(), names, spec,
            connection, "version " + current + ": waiting until every ingest worker writes it");
      }
      finish(sql, connection, names, spec, current, catalog, generations);
      catalog = SchemaCatalog.read(clickhouse, connection, names.database());
      generations = RollupGenerations.of(names, catalog.objects());
    }
    if (matches(names, schema, catalog, generations)) {
      return state(server, current, OptionalInt.of(current), names, spec, connection, null);
    }
    int next = current + 1;
    LOG.info("Changing the schema of {} from version {} to {}", names.base(), current, next);
    prepare(sql, connection, names, StreamSchemas.of(names, spec, next), catalog, generations);
    return state(server, current, OptionalInt.of(next), names, spec, connection,
        "version " + next + ": tables and views of the new version created, rolling the ingest workers");
  }

  /** Steps (a) and (b) for the version of {@code schema}; each statement is skipped when its effect exists. */
  private void prepare(Sql sql, ClickHouseConnection connection, StreamNames names, StreamSchema schema, SchemaCatalog catalog,
      RollupGenerations generations) {
    String db = schema.database();
    int version = schema.schemaVersion();
    List<String> statements = new ArrayList<>();
    statements.addAll(sql.change().completeRaw(db, schema.raw(), catalog.columns()));
    List<RollupTable> targets = targets(names, schema, catalog, generations);
    for (RollupTable target : targets) {
      Optional<String> latest = generations.latest(target.granularity());
      if (latest.isPresent() && latest.get().equals(target.name()) && catalog.has(target.name())
          && sameColumns(catalog.columns().get(target.name()), target.columns())) {
        // the table to write to exists
      } else {
        if (catalog.has(target.name()) || catalog.has(connection.topology().storage(target.name()))) {
          // a generation of this version with other columns (the spec changed again before any worker wrote
          // this version): nothing reads or writes it yet
          generations.views(target.name()).forEach(v -> statements.add(sql.change().drop(db, RollupGenerations.view(target.name(), v))));
          statements.addAll(sql.change().dropTable(db, target.name()));
        }
        // the marker goes first: it is what says the table is not complete yet
        statements.add(sql.change().marker(db, RollupGenerations.marker(target.name())));
        statements.addAll(sql.change().rollupTable(db, target));
      }
      if (catalog.has(target.view()) && !catalog.columnNames(target.view()).equals(columnNames(target))) {
        statements.add(sql.change().drop(db, target.view())); // safe: no worker writes this version yet
      }
      statements.add(sql.change().view(db, version, schema.raw(), target));
    }
    Set<String> targetTables = targets.stream().map(RollupTable::name).collect(Collectors.toSet());
    generations.tables().values().forEach(g -> g.values().stream()
        .filter(table -> !targetTables.contains(table) && generations.views(table).contains(version))
        .forEach(table -> statements.add(sql.change().drop(db, RollupGenerations.view(table, version)))));
    clickhouse.execute(connection, statements);
  }

  /**
   * Step (d): every worker writes {@code current}, so raw rows below it no longer change. Each marked
   * generation is filled, then its marker dropped; then the views of older versions are dropped.
   */
  private void finish(Sql sql, ClickHouseConnection connection, StreamNames names, AnalyticsStreamSpec spec, int current,
      SchemaCatalog catalog, RollupGenerations generations) {
    String db = names.database();
    StreamSchema schema = StreamSchemas.of(names, spec, current);
    for (Granularity g : Granularity.values()) {
      for (String table : generations.generations(g).values()) {
        if (generations.backfillPending(table)) {
          fill(sql, connection, schema, g, table, generations.versionOf(g, table), catalog, generations);
          clickhouse.execute(connection, List.of(sql.change().drop(db, RollupGenerations.marker(table))));
        }
      }
      for (String table : generations.generations(g).values()) {
        generations.views(table).headSet(current)
            .forEach(v -> clickhouse.execute(connection, List.of(sql.change().drop(db, RollupGenerations.view(table, v)))));
      }
    }
  }

  /**
   * Fills a new generation with the rows written before {@code version}. When only measures changed, the
   * previous generation (written by the views until now) gives the measures both have, including buckets raw
   * no longer keeps; measures it lacks, and everything when dimensions changed or no previous generation was
   * live, come from raw. The other aggregate columns of inserted rows hold empty states, which merge as
   * identity.
   */
  private void fill(Sql sql, ClickHouseConnection connection, StreamSchema schema, Granularity granularity, String table,
      int version, SchemaCatalog catalog, RollupGenerations generations) {
    List<Column> columns = catalog.columns().get(table);
    RollupTable declared = schema.rollups().stream().filter(r -> r.granularity() == granularity).findFirst()
        .orElse(null);
    if (declared == null || columns == null) {
      return; // the granularity was removed again before the table was filled: nothing reads it
    }
    Set<String> names = columns.stream().map(Column::name).collect(Collectors.toSet());
    List<String> dimensions = declared.dimensions().stream().map(Column::name).filter(names::contains).toList();
    List<MeasureColumn> measures = declared.measures().stream()
        .filter(m -> columns.contains(m.column())).toList();
    Optional<String> previous = generations.generations(granularity).values().stream()
        .filter(t -> !t.equals(table) && !generations.views(t).headSet(version).isEmpty())
        .reduce((a, b) -> b);
    List<MeasureColumn> fromRaw = measures;
    if (previous.isPresent() && sameDimensions(catalog.columns().get(previous.get()), columns, declared)) {
      List<Column> before = catalog.columns().get(previous.get());
      List<MeasureColumn> kept = measures.stream().filter(m -> before.contains(m.column())).toList();
      fromRaw = measures.stream().filter(m -> !kept.contains(m)).toList();
      List<String> copied = new ArrayList<>();
      copied.add(StreamNames.BUCKET);
      copied.addAll(dimensions);
      kept.forEach(m -> copied.add(m.name()));
      LOG.info("Copying {} into {} from {}", copied, table, previous.get());
      clickhouse.execute(connection, List.of(sql.change().copy(schema.database(), previous.get(), table, copied)));
    }
    if (!fromRaw.isEmpty()) {
      LOG.info("Back-filling {} of {} from raw rows below version {}",
          fromRaw.stream().map(MeasureColumn::name).toList(), table, version);
      RollupTable target = new RollupTable(granularity, table, table, declared.dimensions(), fromRaw,
          declared.retention());
      clickhouse.execute(connection, List.of(
          sql.change().backfill(schema.database(), schema.raw().name(), target, dimensions, fromRaw, version)));
    }
  }

  /**
   * The rollup tables the views of the schema's version write to: the newest generation when it has
   * exactly the declared columns, else a new generation for this version.
   */
  private static List<RollupTable> targets(StreamNames names, StreamSchema schema, SchemaCatalog catalog,
      RollupGenerations generations) {
    int version = schema.schemaVersion();
    List<RollupTable> targets = new ArrayList<>();
    for (RollupTable declared : schema.rollups()) {
      String table = generations.latest(declared.granularity())
          .filter(t -> sameColumns(catalog.columns().get(t), declared.columns()))
          .orElse(RollupGenerations.table(names, declared.granularity(), version));
      targets.add(new RollupTable(declared.granularity(), table, RollupGenerations.view(table, version),
          declared.dimensions(), declared.measures(), declared.retention()));
    }
    return targets;
  }

  /** True when raw has every column and each declared rollup's table and view of the schema's version exist. */
  private static boolean matches(StreamNames names, StreamSchema schema, SchemaCatalog catalog,
      RollupGenerations generations) {
    if (!SchemaDrift.missing(rawOnly(schema), catalog.columns()).isEmpty()) {
      return false;
    }
    List<RollupTable> targets = targets(names, schema, catalog, generations);
    for (RollupTable target : targets) {
      if (!catalog.has(target.name()) || !catalog.columnNames(target.view()).equals(columnNames(target))) {
        return false;
      }
    }
    Set<String> targetTables = targets.stream().map(RollupTable::name).collect(Collectors.toSet());
    return generations.views().entrySet().stream()
        .noneMatch(e -> !targetTables.contains(e.getKey()) && e.getValue().contains(schema.schemaVersion()));
  }

  private SchemaState state(String server, int applied, OptionalInt ingest, StreamNames names,
      AnalyticsStreamSpec spec, ClickHouseConnection connection, String change) {
    RollupGenerations generations = RollupGenerations.of(names, clickhouse.tables(connection, names.database()));
    Map<Granularity, String> tables = new EnumMap<>(Granularity.class);
    StreamSchemas.granularities(spec)
        .forEach(g -> generations.serving(g).ifPresent(table -> tables.put(g, table)));
    return new SchemaState(server, applied, ingest, tables, change);
  }

  private static StreamSchema rawOnly(StreamSchema schema) {
    return new StreamSchema(schema.database(), schema.schemaVersion(), schema.raw(), List.of());
  }

  private static boolean sameColumns(List<Column> actual, List<Column> expected) {
    return actual != null && new HashSet<>(actual).equals(new HashSet<>(expected));
  }

  private static boolean sameDimensions(List<Column> previous, List<Column> next, RollupTable declared) {
    Set<Column> dimensions = new HashSet<>(declared.dimensions());
    return previous.stream().filter(dimensions::contains).collect(Collectors.toSet())
        .equals(next.stream().filter(dimensions::contains).collect(Collectors.toSet()))
        && previous.stream().filter(c -> !c.type().startsWith("AggregateFunction")).count()
        == next.stream().filter(c -> !c.type().startsWith("AggregateFunction")).count();
  }

  /** The tables stay where they were created: a single server's tables are never taken for a cluster's. */
  private static void requireSameTopology(StreamNames names, Topology topology, SchemaCatalog catalog) {
    boolean clusterTables = catalog.has(names.raw() + Topology.LOCAL_SUFFIX);
    if (topology.isCluster() && catalog.has(names.raw()) && !clusterTables) {
      throw new TopologyMismatchException("the connection Secret names " + topology + ", but the tables of "
          + names.base() + " were created on a single server (" + names.qualified(names.raw()) + " is not a "
          + "Distributed table); remove the key cluster, or use a new database for the cluster");
    }
    if (!topology.isCluster() && clusterTables) {
      throw new TopologyMismatchException("the connection Secret names no cluster, but the tables of "
          + names.base() + " were created on a cluster (" + names.qualified(names.raw() + Topology.LOCAL_SUFFIX)
          + " exists); put the key cluster back");
    }
  }

  private static void refuse(List<String> unsafe) {
    if (!unsafe.isEmpty()) {
      throw new UnsafeSchemaChangeException(unsafe);
    }
  }

  private static Set<String> columnNames(RollupTable rollup) {
    return rollup.columns().stream().map(Column::name).collect(Collectors.toSet());
  }
}
