package io.pulseboard.operator.clickhouse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the columns of existing tables with the columns a schema asks for. {@code IF NOT EXISTS}
 * leaves an existing table as it is, so without this check a changed spec would report success over
 * tables of the old shape.
 */
public final class SchemaDrift {
  private SchemaDrift() {}

  /** One line per difference, such as "checkout_1m: missing column tax"; empty when the tables match. */
  public static List<String> differences(StreamSchema schema, Map<String, List<Column>> existing) {
    List<String> differences = new ArrayList<>();
    schema.expectedColumns().forEach((table, expected) -> {
      List<Column> actual = existing.get(table);
      if (actual != null) {
        compare(table, byName(expected), byName(actual), differences);
      }
    });
    return differences;
  }

  private static void compare(String table, Map<String, String> expected, Map<String, String> actual,
      List<String> differences) {
    expected.forEach((name, type) -> {
      String actualType = actual.get(name);
      if (actualType == null) {
        differences.add(table + ": missing column " + name + " " + type);
      } else if (!actualType.equals(type)) {
        differences.add(table + ": column " + name + " is " + actualType + ", the spec asks for " + type);
      }
    });
    actual.keySet().stream()
        .filter(name -> !expected.containsKey(name))
        .forEach(name -> differences.add(table + ": column " + name + " is not in the spec"));
  }

  private static Map<String, String> byName(List<Column> columns) {
    Map<String, String> map = new LinkedHashMap<>();
    columns.forEach(c -> map.put(c.name(), c.type()));
    return map;
  }
}
