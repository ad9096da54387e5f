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
 * owns are touched; other streams of the same database stay.
 */
public final class StreamDropper {
  private final ClickHouseService clickhouse;

  public StreamDropper(ClickHouseService clickhouse) {
    this.clickhouse = clickhouse;
  }

  /** @return the objects dropped, views first */
  public List<String> drop(ClickHouseConnection connection, StreamNames names) {
    Set<String> existing = clickhouse.tables(connection, names.database());
    List<String> views = new ArrayList<>();
    List<String> tables = new ArrayList<>();
    for (Granularity g : Granularity.values()) {
      Pattern view = Pattern.compile(Pattern.quote(names.rollup(g) + "_mv_v") + "[0-9]+");
      existing.stream().filter(n -> view.matcher(n).matches()).sorted().forEach(views::add);
      if (existing.contains(names.rollup(g))) {
        tables.add(names.rollup(g));
      }
    }
    if (existing.contains(names.raw())) {
      tables.add(names.raw());
    }
    List<String> dropped = new ArrayList<>(views);
    dropped.addAll(tables);
    clickhouse.execute(connection, dropped.stream()
        .map(n -> "DROP TABLE IF EXISTS " + Identifiers.quote(names.database(), n))
        .toList());
    return dropped;
  }
}
