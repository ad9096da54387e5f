package io.pulseboard.operator.clickhouse;

import io.pulseboard.api.v1alpha1.Granularity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ClickHouse objects of one stream, decided from its spec before any SQL is written: the same model
 * renders the DDL and tells which columns the existing tables should have.
 */
public record StreamSchema(String database, int schemaVersion, RawTable raw, List<RollupTable> rollups) {
  public StreamSchema {
    rollups = List.copyOf(rollups);
  }

  /** The columns each table should have, by table name; views are not listed. */
  public Map<String, List<Column>> expectedColumns() {
    Map<String, List<Column>> tables = new LinkedHashMap<>();
    tables.put(raw.name(), raw.columns());
    rollups.forEach(r -> tables.put(r.name(), r.columns()));
    return tables;
  }

  /** The names of every table and view, in creation order. */
  public List<String> objectNames() {
    List<String> names = new ArrayList<>();
    names.add(raw.name());
    rollups.forEach(r -> {
      names.add(r.name());
      names.add(r.view());
    });
    return names;
  }

  /** The same schema with each rollup named after the table that serves it (see RollupGenerations). */
  public StreamSchema withRollupTables(Map<Granularity, String> tables) {
    List<RollupTable> serving = rollups.stream()
        .filter(r -> tables.containsKey(r.granularity()))
        .map(r -> new RollupTable(r.granularity(), tables.get(r.granularity()), r.view(), r.dimensions(),
            r.measures(), r.retention()))
        .toList();
    return new StreamSchema(database, schemaVersion, raw, serving);
  }
}
