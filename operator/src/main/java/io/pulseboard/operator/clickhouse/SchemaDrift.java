package io.pulseboard.operator.clickhouse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the columns of existing tables with the columns a schema asks for. {@code IF NOT EXISTS}
 * leaves an existing table as it is, so a changed spec must be compared column by column: a missing column
 * is added by the schema change, a changed type or a column the spec no longer has would need destructive
 * DDL and is refused.
 */
public final class SchemaDrift {
  private SchemaDrift() {}

  /** One line per change only destructive DDL could make, such as "checkout_raw: column amount is not in the spec". */
  public static List<String> unsafe(StreamSchema schema, Map<String, List<Column>> existing) {
    List<String> differences = new ArrayList<>();
    schema.expectedColumns().forEach((table, expected) -> {
      List<Column> actual = existing.get(table);
      if (actual != null) {
        Map<String, String> wanted = byName(expected);
        byName(actual).forEach((name, type) -> {
          String wantedType = wanted.get(name);
          if (wantedType == null) {
            differences.add(table + ": column " + name + " is not in the spec");
          } else if (!wantedType.equals(type)) {
            differences.add(table + ": column " + name + " is " + type + ", the spec asks for " + wantedType);
          }
        });
      }
    });
    return differences;
  }

  /** The columns the schema asks for that existing tables lack, by table; tables that do not exist are not listed. */
  public static Map<String, List<Column>> missing(StreamSchema schema, Map<String, List<Column>> existing) {
    Map<String, List<Column>> missing = new LinkedHashMap<>();
    schema.expectedColumns().forEach((table, expected) -> {
      List<Column> actual = existing.get(table);
      if (actual != null) {
        Map<String, String> present = byName(actual);
        List<Column> absent = expected.stream().filter(c -> !present.containsKey(c.name())).toList();
        if (!absent.isEmpty()) {
          missing.put(table, absent);
        }
      }
    });
    return missing;
  }

  private static Map<String, String> byName(List<Column> columns) {
    Map<String, String> map = new LinkedHashMap<>();
    columns.forEach(c -> map.put(c.name(), c.type()));
    return map;
  }
}
