package io.pulseboard.query.panel;

import io.pulseboard.api.v1alpha1.Granularity;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the rollup a panel query reads. An explicit step picks the coarsest rollup not coarser than the
 * step; {@code auto} picks the finest rollup that keeps the range within {@link #AUTO_MAX_POINTS} buckets,
 * so a chart never gets more points than it has pixels for.
 */
public final class RollupRouter {
  public static final String AUTO = "auto";
  public static final long AUTO_MAX_POINTS = 1_500;

  private RollupRouter() {}

  /**
   * @param available the stream's rollups as labels (1m, 1h, 1d)
   * @param step {@code auto} or a granularity label
   * @param rangeMillis the requested range's length
   */
  public static Granularity route(List<String> available, String step, long rangeMillis) {
    List<Granularity> rollups = available.stream()
        .flatMap(label -> Arrays.stream(Granularity.values()).filter(g -> g.label().equals(label)))
        .sorted(Comparator.comparing(Granularity::size))
        .toList();
    if (rollups.isEmpty()) {
      throw new IllegalStateException("the stream has no rollup");
    }
    if (step == null || step.equals(AUTO)) {
      return rollups.stream()
          .filter(g -> rangeMillis / BucketRange.sizeMillis(g) <= AUTO_MAX_POINTS)
          .findFirst()
          .orElse(rollups.get(rollups.size() - 1));
    }
    Granularity wanted = parseStep(step);
    // Nothing as fine as the step: the finest rollup is the closest answer.
    Granularity chosen = rollups.get(0);
    for (Granularity g : rollups) {
      if (g.size().compareTo(wanted.size()) <= 0) {
        chosen = g;
      }
    }
    return chosen;
  }

  private static Granularity parseStep(String step) {
    try {
      return Granularity.fromLabel(step);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("step must be auto, 1m, 1h or 1d");
    }
  }
}
