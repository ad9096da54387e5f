package io.pulseboard.query.panel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The top-N of a panel with groupBy: groups are ranked by the first measure's total over the answer, the
 * {@code limit} largest are kept, and the others are folded into one series per measure labelled
 * {@value PanelDefinition#OTHER} for additive measures (count and sum) or dropped for the rest, whose
 * values cannot be added (an average of averages is not the average).
 */
public final class TopGroups {
  private TopGroups() {}

  public static List<Series> apply(PanelDefinition panel, List<Series> series) {
    if (panel.groupBy().isEmpty()) {
      return series;
    }
    Map<Map<String, String>, Double> totals = new HashMap<>();
    String first = panel.measure().name();
    for (Series s : series) {
      Map<String, String> group = group(panel, s);
      double total = first.equals(s.measure()) ? s.points().stream().mapToDouble(p -> value(p.v())).sum() : 0;
      totals.merge(group, total, Double::sum);
    }
    if (totals.size() <= panel.limit()) {
      return series;
    }
    List<Map<String, String>> kept = totals.entrySet().stream()
        .sorted(Map.Entry.<Map<String, String>, Double>comparingByValue(Comparator.reverseOrder())
            .thenComparing(e -> e.getKey().toString()))
        .limit(panel.limit())
        .map(Map.Entry::getKey)
        .toList();
    List<Series> result = new ArrayList<>();
    Map<String, TreeMap<Long, Double>> other = new LinkedHashMap<>();
    for (Series s : series) {
      if (kept.contains(group(panel, s))) {
        result.add(s);
      } else if (additive(panel, s.measure())) {
        TreeMap<Long, Double> sums = other.computeIfAbsent(s.measure(), m -> new TreeMap<>());
        s.points().forEach(p -> sums.merge(p.t(), value(p.v()), Double::sum));
      }
    }
    Map<String, String> otherLabels = new TreeMap<>();
    panel.groupBy().forEach(d -> otherLabels.put(d, PanelDefinition.OTHER));
    other.forEach((measure, sums) -> result.add(new Series(otherLabels, measure,
        sums.entrySet().stream().map(e -> new Point(e.getKey(), integral(e.getValue()))).toList(), true)));
    return SeriesTable.of(result).toSeries();
  }

  private static Map<String, String> group(PanelDefinition panel, Series s) {
    Map<String, String> group = new TreeMap<>();
    panel.groupBy().forEach(d -> group.put(d, s.labels().getOrDefault(d, "")));
    return group;
  }

  private static boolean additive(PanelDefinition panel, String measure) {
    return panel.measures().stream().anyMatch(m -> m.name().equals(measure) && m.additive());
  }

  private static double value(Number v) {
    return v == null ? 0 : v.doubleValue();
  }

  /** Counts stay integers in the JSON when their sum is one. */
  private static Number integral(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) (long) v : (Number) v;
  }
}
