package io.pulseboard.operator.clickhouse;

import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.v1alpha1.Granularity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Drops a stream's ClickHouse objects: first every view (of any schema version, of every rollup generation)
 * and back-fill marker, so that no insert into raw can fire into a rollup being dropped, then the rollup
 * generations, then the raw table. Only names the stream owns are touched; other streams of the same
 * database stay. On a cluster every drop runs ON CLUSTER, and each table's Distributed table goes before
 * the local table that holds its rows.
 */
public final class StreamDropper {
  private final ClickHouseService clickhouse;

  public StreamDropper(ClickHouseService clickhouse) {
    this.clickhouse = clickhouse;
  }

  /** @return the objects dropped, views first */
  public List<String> drop(ClickHouseConnection connection, StreamNames names) {
    Topology topology = connection.topology();
    Set<String> existing = clickhouse.tables(connection, names.database());
    RollupGenerations generations = RollupGenerations.of(names, existing);
    List<String> views = new ArrayList<>();
    List<String> tables = new ArrayList<>();
    for (Granularity g : Granularity.values()) {
      for (String table : generations.generations(g).values()) {
        generations.views(table).forEach(v -> views.add(RollupGenerations.view(table, v)));
        if (generations.backfillPending(table)) {
          views.add(RollupGenerations.marker(table));
        }
      }
      for (String table : generations.generations(g).values()) {
        addTable(table, topology, existing, tables);
      }
      // the local table of a first generation whose Distributed table is already gone
      if (generations.generations(g).isEmpty()) {
        addTable(names.rollup(g), topology, existing, tables);
      }
    }
    addTable(names.raw(), topology, existing, tables);
    List<String> dropped = new ArrayList<>(views);
    dropped.addAll(tables);
    clickhouse.execute(connection, dropped.stream()
        .map(n -> "DROP TABLE IF EXISTS " + Identifiers.quote(names.database(), n) + topology.onCluster())
        .toList());
    return dropped;
  }

  // the Distributed table first: a reader of the plain name never reaches a dropped local table
  private static void addTable(String table, Topology topology, Set<String> existing, List<String> tables) {
    if (existing.contains(table)) {
      tables.add(table);
    }
    String storage = topology.storage(table);
    if (!storage.equals(table) && existing.contains(storage)) {
      tables.add(storage);
    }
  }
}
