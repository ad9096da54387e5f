package io.pulseboard.query.deep;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.api.v1alpha1.FilterOp;
import io.pulseboard.api.v1alpha1.FilterSpec;
import io.pulseboard.api.v1alpha1.PanelSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Randomized panels and ranges through the REST API against the same aggregate computed straight from
 * the raw rows. Bounds (also in DESIGN.md):
 * <ul>
 *   <li>count, sum, min, max: exact (amounts are multiples of 0.25, so sums are exact in any order);
 *   <li>avg: relative error at most 1e-12 (merging sum/count states in another order rounds differently);
 *   <li>uniq (uniqHLL12, 2^12 registers, standard error 1.04/sqrt(4096) = 1.6 %): at most 5 % (about three
 *       standard errors) plus 3 off the exact distinct count. The 3 covers small sets (17 to a few hundred
 *       values), where the estimate is linear counting over the registers and two values landing in one
 *       register count once (n = 39 expects 0.19 such collisions; 37 for 39 was seen); sets of up to 16
 *       values are kept exactly;
 *   <li>quantiles (quantilesTDigest): the estimate's rank among the bucket's raw values is within
 *       0.03 + 1/n of the level (n values in the bucket; t-digest interpolates between neighbours, which
 *       costs up to one rank step in small buckets).
 * </ul>
 */
class CorrectnessIT extends SharedDeepIT {
  private static final Logger LOG = LoggerFactory.getLogger(CorrectnessIT.class);
  private static final int RANGES_PER_PANEL = 5;
  private static final double UNIQ_RELATIVE = 0.05;
  private static final double UNIQ_SMALL_SET_SLACK = 3;
  private static final double QUANTILE_RANK = 0.03;

  private double worstUniq;
  private double worstRank;

  @Test
  void randomPanelsAndRangesMatchTheRawRows() throws Exception {
    Random random = new Random(42);
    int checks = 0;
    int points = 0;
    for (PanelSpec spec : RANDOM_PANELS) {
      for (int i = 0; i < RANGES_PER_PANEL; i++) {
        String step = List.of("auto", "1m", "1h", "1d").get(random.nextInt(4));
        long maxLength = switch (step) {
          case "1m" -> 12 * 3_600_000L;
          case "1h" -> 15 * DeepDataset.DAY;
          default -> 38 * DeepDataset.DAY;
        };
        long length = 60_000 + (long) (random.nextDouble() * (maxLength - 60_000));
        long from = DATA.historyFrom + (long) (random.nextDouble() * (DATA.historyTo - DATA.historyFrom - length));
        JsonNode data = panel(spec.getId(), from, from + length, step);
        points += compare(spec, data);
        checks++;
      }
    }
    LOG.info("{} panel requests, {} points; worst uniq error {}, worst quantile rank error {}", checks, points, worstUniq, worstRank);
    assertThat(checks).isGreaterThanOrEqualTo(300);
    assertThat(points).as("the ranges hold data").isGreaterThan(10_000);
  }

  private int compare(PanelSpec spec, JsonNode data) {
    String granularity = data.path("granularity").asString();
    long from = data.path("from").asLong();
    long to = data.path("to").asLong();
    Aggregate aggregate = DATA.stream.measures().stream().filter(m -> m.name().equals(spec.getMeasure())).findFirst().orElseThrow().aggregate();
    Map<Map<String, String>, Map<Long, Double>> actual = table(data.path("series"));
    String what = spec.getId() + " (" + aggregate + " by " + spec.getGroupBy() + " where " + describe(spec.getFilters()) + ") "
        + granularity + " [" + from + ", " + to + ")";
    if (aggregate == Aggregate.quantiles) {
      Map<Map<String, String>, Map<Long, double[]>> samples = samples(spec, granularity, from, to);
      assertThat(actual.keySet()).as(what).isEqualTo(samples.keySet());
      samples.forEach((labels, buckets) -> {
        assertThat(actual.get(labels).keySet()).as(what).isEqualTo(buckets.keySet());
        double level = labels.containsKey("quantile") ? Double.parseDouble(labels.get("quantile")) : spec.getQuantile();
        buckets.forEach((t, values) -> checkQuantile(what + " " + labels + " @" + t, actual.get(labels).get(t), values, level));
      });
      return actual.values().stream().mapToInt(Map::size).sum();
    }
    Map<Map<String, String>, Map<Long, Double>> expected = reference(spec, aggregate, granularity, from, to);
    assertThat(actual.keySet()).as(what).isEqualTo(expected.keySet());
    expected.forEach((labels, buckets) -> {
      assertThat(actual.get(labels).keySet()).as(what + " " + labels).isEqualTo(buckets.keySet());
      buckets.forEach((t, exact) -> {
        double got = actual.get(labels).get(t);
        String at = what + " " + labels + " @" + t;
        switch (aggregate) {
          case avg -> assertThat(Math.abs(got - exact)).as(at).isLessThanOrEqualTo(1e-12 * Math.abs(exact));
          case uniq -> {
            double error = Math.abs(got - exact);
            worstUniq = Math.max(worstUniq, error / exact);
            assertThat(error).as(at + ": " + got + " vs exact " + exact)
                .isLessThanOrEqualTo(exact <= 16 ? 0 : UNIQ_RELATIVE * exact + UNIQ_SMALL_SET_SLACK);
          }
          default -> assertThat(got).as(at).isEqualTo(exact);
        }
      });
    });
    return actual.values().stream().mapToInt(Map::size).sum();
  }

  private void checkQuantile(String at, double estimate, double[] values, double level) {
    Arrays.sort(values);
    int below = 0;
    int atOrBelow = 0;
    for (double v : values) {
      below += v < estimate ? 1 : 0;
      atOrBelow += v <= estimate ? 1 : 0;
    }
    double n = values.length;
    double error = Math.max(0, Math.max(below / n - level, level - atOrBelow / n));
    worstRank = Math.max(worstRank, error - 1 / n);
    assertThat(estimate).as(at).isBetween(values[0], values[values.length - 1]);
    assertThat(error).as(at + ": estimate " + estimate + " over " + values.length + " values").isLessThanOrEqualTo(QUANTILE_RANK + 1 / n);
  }

  private static String bucketFunction(String granularity) {
    return switch (granularity) {
      case "1m" -> "toStartOfMinute";
      case "1h" -> "toStartOfHour";
      case "1d" -> "toStartOfDay";
      default -> throw new IllegalArgumentException(granularity);
    };
  }

  private static String rawExpression(Aggregate aggregate) {
    return switch (aggregate) {
      case count -> "count()";
      case sum -> "sum(amount)";
      case min -> "min(amount)";
      case max -> "max(amount)";
      case avg -> "avg(amount)";
      case uniq -> "uniqExact(user_id)";
      case quantiles -> "groupArray(latency_ms)";
    };
  }

  private static String rawQuery(PanelSpec spec, String expression, String granularity, long from, long to) {
    String dims = spec.getGroupBy() == null || spec.getGroupBy().isEmpty() ? "" : ", " + String.join(", ", spec.getGroupBy());
    return "SELECT toUInt32(" + bucketFunction(granularity) + "(_time)) AS t" + dims + ", " + expression + " AS v"
        + " FROM " + DATA.database + ".checkout_raw WHERE _time >= toDateTime(" + from / 1000 + ") AND _time < toDateTime(" + to / 1000 + ")"
        + where(spec.getFilters()) + " GROUP BY t" + dims + " FORMAT JSONEachRow";
  }

  private static Map<Map<String, String>, Map<Long, Double>> reference(PanelSpec spec, Aggregate aggregate, String granularity,
      long from, long to) {
    Map<Map<String, String>, Map<Long, Double>> table = new HashMap<>();
    for (JsonNode row : CLICKHOUSE.rows(rawQuery(spec, rawExpression(aggregate), granularity, from, to))) {
      table.computeIfAbsent(labels(spec, row), k -> new TreeMap<>())
          .put(row.get("t").asLong() * 1000, Double.parseDouble(row.get("v").asString()));
    }
    return table;
  }

  /** Raw latency values per bucket, under one series per level (or the picked level). */
  private static Map<Map<String, String>, Map<Long, double[]>> samples(PanelSpec spec, String granularity, long from, long to) {
    List<Double> levels = spec.getQuantile() == null ? DeepDataset.LEVELS : List.of(spec.getQuantile());
    Map<Map<String, String>, Map<Long, double[]>> table = new HashMap<>();
    for (JsonNode row : CLICKHOUSE.rows(rawQuery(spec, rawExpression(Aggregate.quantiles), granularity, from, to))) {
      double[] values = row.get("v").valueStream().mapToDouble(JsonNode::asDouble).toArray();
      for (double level : levels) {
        Map<String, String> labels = labels(spec, row);
        if (spec.getQuantile() == null) {
          labels.put("quantile", Double.toString(level));
        }
        table.computeIfAbsent(labels, k -> new TreeMap<>()).put(row.get("t").asLong() * 1000, values.clone());
      }
    }
    return table;
  }

  private static Map<String, String> labels(PanelSpec spec, JsonNode row) {
    Map<String, String> labels = new TreeMap<>();
    if (spec.getGroupBy() != null) {
      spec.getGroupBy().forEach(d -> labels.put(d, row.get(d).asString()));
    }
    return labels;
  }

  /** The panel's filters written by hand (test values are known; the service uses SqlLiterals). */
  private static String where(List<FilterSpec> filters) {
    StringBuilder where = new StringBuilder();
    for (FilterSpec filter : filters == null ? List.<FilterSpec>of() : filters) {
      StringJoiner values = new StringJoiner(", ", "(", ")");
      filter.getValues().forEach(v -> values.add(filter.getDimension().equals("tier") ? v : "'" + v.replace("'", "\\'") + "'"));
      where.append(" AND ").append(filter.getDimension()).append(filter.getOp() == FilterOp.notIn ? " NOT IN " : " IN ").append(values);
    }
    return where.toString();
  }

  private static String describe(List<FilterSpec> filters) {
    return filters == null ? "-" : filters.stream().map(f -> f.getDimension() + " " + f.getOp() + " " + f.getValues()).toList().toString();
  }

  private static Map<Map<String, String>, Map<Long, Double>> table(JsonNode series) {
    Map<Map<String, String>, Map<Long, Double>> table = new HashMap<>();
    for (JsonNode s : series) {
      Map<String, String> labels = new TreeMap<>();
      s.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
      Map<Long, Double> points = table.computeIfAbsent(labels, k -> new TreeMap<>());
      s.path("points").forEach(p -> points.put(p.get(0).asLong(), p.get(1).asDouble()));
    }
    return table;
  }
}
