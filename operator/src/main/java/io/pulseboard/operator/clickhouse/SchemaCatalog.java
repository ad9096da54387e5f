package io.pulseboard.operator.clickhouse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What exists in one database, read once per reconcile: the schema change state machine derives its step
 * from this (which views and columns exist), never from memory.
 *
 * @param objects names of tables and views
 * @param columns columns of every table and view, by name
 * @param sortingKeys sorting key of every MergeTree table, as the server prints it
 */
public record SchemaCatalog(Set<String> objects, Map<String, List<Column>> columns, Map<String, String> sortingKeys) {
  public SchemaCatalog {
    objects = Set.copyOf(objects);
    columns = Map.copyOf(columns);
    sortingKeys = Map.copyOf(sortingKeys);
  }

  public static SchemaCatalog read(ClickHouseService clickhouse, ClickHouseConnection connection, String database) {
    return new SchemaCatalog(clickhouse.tables(connection, database), clickhouse.columns(connection, database),
        clickhouse.sortingKeys(connection, database));
  }

  public boolean has(String object) {
    return objects.contains(object);
  }

  /** The column names of a table or view, empty when it does not exist. */
  public Set<String> columnNames(String object) {
    return columns.getOrDefault(object, List.of()).stream().map(Column::name).collect(Collectors.toSet());
  }
}
