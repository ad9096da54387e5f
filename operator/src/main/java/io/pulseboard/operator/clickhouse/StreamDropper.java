package io.pulseboard.operator.clickhouse;

import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.v1alpha1.Granularity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Drops a stream's ClickHouse objects: first every view (of any schema version) so that no insert into
 * raw can fire into a rollup being dropped, then the rollups, then the raw table. Only names the stream
 * owns are touched; other streams of the same database stay. On a cluster every drop runs ON CLUSTER, and
 * each table's Distributed table goes before the local table that holds its rows.
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
    List<String> views = new ArrayList<>();
    List<String> tables = new ArrayList<>();
    for (Granularity g : Granularity.values()) {
      Pattern view = Pattern.compile(Pattern.quote(names.rollup(g) + "_mv_v") + "[0-9]+");
      existing.stream().filter(n -> view.matcher(n).matches()).sorted().forEach(views::add);
      addTable(names.rollup(g), topology, existing, tables);
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
