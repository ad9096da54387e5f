package io.pulseboard.query.panel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Mutable points by series labels and bucket time; builds series from query rows and tracks the values
 * live updates compare against. Not thread-safe.
 *
 * <p>A series' measure and its "other" flag are kept as the reserved labels {@link #MEASURE} and
 * {@link #OTHER}: they start with an underscore, which no dimension name can, and {@link #toSeries()}
 * moves them back into the series' fields.
 */
public final class SeriesTable {
  /** Reserved label holding the series' measure. */
  public static final String MEASURE = "_measure";
  /** Reserved label marking the series that folds the groups beyond the limit. */
  public static final String OTHER = "_other";

  private static final Comparator<Map<String, String>> BY_LABELS = SeriesTable::compareLabels;

  private final Map<Map<String, String>, TreeMap<Long, Number>> points = new LinkedHashMap<>();

  public static SeriesTable of(List<Series> series) {
    SeriesTable table = new SeriesTable();
    for (Series s : series) {
      Map<String, String> key = key(s);
      for (Point p : s.points()) {
        table.put(key, p.t(), p.v());
      }
    }
    return table;
  }

  public void put(Map<String, String> labels, long t, Number v) {
    TreeMap<Long, Number> row = points.get(labels);
    if (row == null) {
      row = new TreeMap<>();
      points.put(Map.copyOf(labels), row);
    }
    row.put(t, new Point(t, v).v());
  }

  public Number get(Map<String, String> labels, long t) {
    TreeMap<Long, Number> row = points.get(labels);
    return row == null ? null : row.get(t);
  }

  /** Whether {@code v} differs from what is stored (or nothing is stored) at this point. */
  public boolean differs(Map<String, String> labels, long t, Number v) {
    return !Objects.equals(get(labels, t), new Point(t, v).v());
  }

  public void putAll(SeriesTable other) {
    other.forEach((labels, p) -> put(labels, p.t(), p.v()));
  }

  /** Drops every point before {@code t}, and series left empty. */
  public void removeBefore(long t) {
    points.values().forEach(row -> row.headMap(t).clear());
    points.values().removeIf(TreeMap::isEmpty);
  }

  public boolean isEmpty() {
    return points.isEmpty();
  }

  public void forEach(BiConsumer<Map<String, String>, Point> action) {
    points.forEach((labels, row) -> row.forEach((t, v) -> action.accept(labels, new Point(t, v))));
  }

  /** Series sorted by their labels, points by time: the same data always gives the same JSON. */
  public List<Series> toSeries() {
    List<Series> series = new ArrayList<>();
    points.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(BY_LABELS))
        .forEach(e -> series.add(series(e.getKey(), e.getValue().entrySet().stream()
            .map(p -> new Point(p.getKey(), p.getValue()))
            .toList())));
    return series;
  }

  /** The table key of a series: its labels plus the reserved measure and other labels. */
  public static Map<String, String> key(Series s) {
    if (s.measure() == null && !s.folded()) {
      return s.labels();
    }
    Map<String, String> key = new TreeMap<>(s.labels());
    if (s.measure() != null) {
      key.put(MEASURE, s.measure());
    }
    if (s.folded()) {
      key.put(OTHER, "true");
    }
    return key;
  }

  private static Series series(Map<String, String> key, List<Point> points) {
    if (!key.containsKey(MEASURE) && !key.containsKey(OTHER)) {
      return new Series(key, points);
    }
    Map<String, String> labels = new TreeMap<>(key);
    String measure = labels.remove(MEASURE);
    boolean other = labels.remove(OTHER) != null;
    return new Series(labels, measure, points, other);
  }

  /** Label sets in order of their sorted (name, value) pairs. */
  private static int compareLabels(Map<String, String> a, Map<String, String> b) {
    Iterator<Map.Entry<String, String>> x = new TreeMap<>(a).entrySet().iterator();
    Iterator<Map.Entry<String, String>> y = new TreeMap<>(b).entrySet().iterator();
    while (x.hasNext() && y.hasNext()) {
      Map.Entry<String, String> ex = x.next();
      Map.Entry<String, String> ey = y.next();
      int c = ex.getKey().compareTo(ey.getKey());
      if (c == 0) {
        c = ex.getValue().compareTo(ey.getValue());
      }
      if (c != 0) {
        return c;
      }
    }
    return Boolean.compare(x.hasNext(), y.hasNext());
  }
}
