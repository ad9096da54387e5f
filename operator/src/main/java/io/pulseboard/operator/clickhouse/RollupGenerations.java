package io.pulseboard.operator.clickhouse;

import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.v1alpha1.Granularity;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rollup tables and views of one stream that exist, read from the names in ClickHouse.
 *
 * <p>18.16 cannot add a column to a table a materialized view writes to (the view's insert then fails with
 * "Expected column"), and a rollup's sorting key must hold every dimension. So a rollup whose columns
 * change gets a new <em>generation</em>: a new table {@code <rollup>_v<K>} created for schema version K
 * (the first generation, created with the stream, is {@code <rollup>} itself). The view that fills table T
 * from raw rows of version N is {@code T_mv_v<N>}; a plain view {@code T_backfill} marks a generation that
 * still has to be filled with the rows written before K.
 */
public record RollupGenerations(StreamNames names, Map<Granularity, SortedMap<Integer, String>> tables,
    Map<String, SortedSet<Integer>> views, Set<String> objects) {

  private static final String VIEW = "_mv_v";
  private static final String MARKER = "_backfill";

  public static RollupGenerations of(StreamNames names, Set<String> objects) {
    Map<Granularity, SortedMap<Integer, String>> tables = new EnumMap<>(Granularity.class);
    Map<String, SortedSet<Integer>> views = new TreeMap<>();
    for (Granularity g : Granularity.values()) {
      String first = names.rollup(g);
      for (String object : objects) {
        if (object.equals(first)) {
          tables.computeIfAbsent(g, k -> new TreeMap<>()).put(1, object);
        } else if (object.startsWith(first + "_v") && isNumber(object.substring(first.length() + 2))) {
          tables.computeIfAbsent(g, k -> new TreeMap<>()).put(Integer.parseInt(object.substring(first.length() + 2)),
              object);
        }
      }
    }
    tables.values().forEach(generations -> generations.values().forEach(table -> {
      for (String object : objects) {
        if (object.startsWith(table + VIEW) && isNumber(object.substring(table.length() + VIEW.length()))) {
          views.computeIfAbsent(table, k -> new TreeSet<>())
              .add(Integer.parseInt(object.substring(table.length() + VIEW.length())));
        }
      }
    }));
    return new RollupGenerations(names, tables, views, objects);
  }

  /** The table of generation {@code version} of a rollup. */
  public static String table(StreamNames names, Granularity granularity, int version) {
    return version == 1 ? names.rollup(granularity) : names.rollup(granularity) + "_v" + version;
  }

  public static String view(String table, int version) {
    return table + VIEW + version;
  }

  public static String marker(String table) {
    return table + MARKER;
  }

  /** The highest schema version any view of the stream was created for. */
  public OptionalInt latestVersion() {
    return views.values().stream().filter(s -> !s.isEmpty()).mapToInt(SortedSet::last).max();
  }

  /** The newest table of a rollup. */
  public Optional<String> latest(Granularity granularity) {
    SortedMap<Integer, String> generations = tables.get(granularity);
    return generations == null || generations.isEmpty() ? Optional.empty()
        : Optional.of(generations.get(generations.lastKey()));
  }

  /** The version a generation table was created for. */
  public int versionOf(Granularity granularity, String table) {
    return tables.get(granularity).entrySet().stream().filter(e -> e.getValue().equals(table)).findFirst()
        .orElseThrow().getKey();
  }

  public SortedMap<Integer, String> generations(Granularity granularity) {
    return tables.getOrDefault(granularity, new TreeMap<>());
  }

  public SortedSet<Integer> views(String table) {
    return views.getOrDefault(table, new TreeSet<>());
  }

  public boolean backfillPending(String table) {
    return objects.contains(marker(table));
  }

  /** The newest complete table of a rollup (no pending back-fill), which queries read. */
  public Optional<String> serving(Granularity granularity) {
    return generations(granularity).values().stream().filter(t -> !backfillPending(t)).reduce((a, b) -> b);
  }

  /** True while views of a version below {@code version} or back-fill markers exist: a change is unfinished. */
  public boolean unfinishedBelow(int version) {
    return views.values().stream().anyMatch(s -> !s.isEmpty() && s.first() < version)
        || tables.values().stream().flatMap(g -> g.values().stream()).anyMatch(this::backfillPending);
  }

  private static boolean isNumber(String text) {
    return !text.isEmpty() && text.length() < 10 && text.chars().allMatch(Character::isDigit);
  }
}
