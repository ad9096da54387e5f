package io.pulseboard.query.panel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    return fold(panel, series, Set.of());
  }

  /** The groups an answer shows on their own (not folded into "other"); empty without groupBy. */
  public static Set<Map<String, String>> keptGroups(PanelDefinition panel, List<Series> series) {
    Set<Map<String, String>> kept = new HashSet<>();
    if (!panel.groupBy().isEmpty()) {
      series.stream().filter(s -> !s.folded()).forEach(s -> kept.add(group(panel, s)));
    }
    return kept;
  }

  /**
   * Folds every group not in {@code kept} as {@link #apply} does: what a live refresh uses, so its deltas
   * follow the groups of the snapshot the client holds rather than a ranking of the re-read buckets alone.
   */
  public static List<Series> fold(PanelDefinition panel, List<Series> series, Set<Map<String, String>> kept) {
    if (panel.groupBy().isEmpty()) {
      return series;
    }
    Set<Map<String, String>> shown = shown(panel, series, kept);
    List<Series> result = new ArrayList<>();
    Map<String, TreeMap<Long, Double>> other = new LinkedHashMap<>();
    for (Series s : series) {
      if (s.folded()) {
        continue; // an already folded answer is folded again from its groups
      }
      if (shown.contains(group(panel, s))) {
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

  /**
   * The groups shown on their own: those already kept, then the others of this answer by the first
   * measure's total over it, largest first, while fewer than the limit are shown.
   */
  private static Set<Map<String, String>> shown(PanelDefinition panel, List<Series> series, Set<Map<String, String>> kept) {
    Map<Map<String, String>, Double> totals = new HashMap<>();
    String first = panel.measure().name();
    for (Series s : series) {
      if (!s.folded()) {
        double total = first.equals(s.measure()) ? s.points().stream().mapToDouble(p -> value(p.v())).sum() : 0;
        totals.merge(group(panel, s), total, Double::sum);
      }
    }
    Set<Map<String, String>> shown = new HashSet<>(kept);
    totals.entrySet().stream()
        .filter(e -> !kept.contains(e.getKey()))
        .sorted(Map.Entry.<Map<String, String>, Double>comparingByValue(Comparator.reverseOrder())
            .thenComparing(e -> e.getKey().toString()))
        .map(Map.Entry::getKey)
        .forEach(group -> {
          if (shown.size() < panel.limit()) {
            shown.add(group);
          }
        });
    return shown;
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
