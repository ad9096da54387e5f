package io.pulseboard.query.deep;

import io.pulseboard.api.v1alpha1.FilterOp;
import io.pulseboard.api.v1alpha1.FilterSpec;
import io.pulseboard.api.v1alpha1.PanelSpec;
import io.pulseboard.query.TestingPipelines;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic random panels over {@link DeepDataset}: every measure, groupBy sets, IN / NOT IN filters. */
final class RandomPanels {
  static final String PREFIX = "r";
  private static final List<String> MEASURES = List.of("events", "revenue", "smallest", "largest", "basket", "buyers", "latency");
  private static final List<List<String>> GROUP_BYS = List.of(List.of(), List.of("country"), List.of("platform"),
      List.of("tier"), List.of("country", "platform"));

  private RandomPanels() {}

  static List<PanelSpec> generate(int count, long seed) {
    Random random = new Random(seed);
    List<PanelSpec> panels = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String measure = MEASURES.get(i % MEASURES.size());
      Double quantile = null;
      if (measure.equals("latency") && random.nextBoolean()) {
        quantile = DeepDataset.LEVELS.get(random.nextInt(DeepDataset.LEVELS.size()));
      }
      List<FilterSpec> filters = new ArrayList<>();
      if (random.nextInt(3) == 0) {
        filters.add(filter(random, "country", DeepDataset.COUNTRIES));
      }
      if (random.nextInt(3) == 0) {
        filters.add(filter(random, "platform", DeepDataset.PLATFORMS));
      }
      if (random.nextInt(4) == 0) {
        filters.add(filter(random, "tier", List.of("1", "2", "3")));
      }
      PanelSpec panel = TestingPipelines.panel(PREFIX + i, measure, GROUP_BYS.get(random.nextInt(GROUP_BYS.size())), quantile, filters);
      panel.setLimit(50); // above the 36 combinations of the data: every group is compared with the raw rows
      panels.add(panel);
    }
    return panels;
  }

  private static FilterSpec filter(Random random, String dimension, List<String> values) {
    List<String> picked = new ArrayList<>();
    for (String value : values) {
      if (random.nextBoolean()) {
        picked.add(value);
      }
    }
    if (picked.isEmpty()) {
      picked.add(values.get(random.nextInt(values.size())));
    }
    return TestingPipelines.filter(dimension, random.nextBoolean() ? FilterOp.in : FilterOp.notIn, picked.toArray(String[]::new));
  }
}
