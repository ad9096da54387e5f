package io.pulseboard.api.contract;

import io.pulseboard.api.v1alpha1.Aggregate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one place that maps a measure's aggregate to ClickHouse functions: the operator writes the
 * {@code -State} side into rollup tables and views, the query service reads with the {@code -Merge} side.
 * {@code uniq} and {@code quantiles} use uniqHLL12 and quantilesTDigest, whose states are small and cheap
 * to merge.
 */
public record MeasureFunctions(Aggregate aggregate, List<Double> quantiles) {

  public MeasureFunctions {
    quantiles = quantiles == null ? List.of() : List.copyOf(quantiles);
    if (aggregate == Aggregate.quantiles && quantiles.isEmpty()) {
      throw new IllegalArgumentException("a quantiles measure needs at least one quantile");
    }
    for (double q : quantiles) {
      if (!(q > 0 && q < 1)) {
        throw new IllegalArgumentException("quantile " + q + " is not strictly between 0 and 1");
      }
    }
  }

  public static MeasureFunctions of(Aggregate aggregate) {
    return new MeasureFunctions(aggregate, List.of());
  }

  /** The aggregate function's name with its parameters, such as {@code quantilesTDigest(0.5, 0.99)}. */
  public String function() {
    return switch (aggregate) {
      case count, sum, min, max, avg -> aggregate.name();
      case uniq -> "uniqHLL12";
      case quantiles -> "quantilesTDigest(" + levels() + ")";
    };
  }

  /** Column type of the rollup column for an argument of {@code argumentType} (ignored for count). */
  public String stateType(String argumentType) {
    if (aggregate == Aggregate.count) {
      return "AggregateFunction(count)";
    }
    return "AggregateFunction(" + function() + ", " + argumentType + ")";
  }

  /** Expression that builds the state from an already-quoted column, or from nothing for count. */
  public String stateExpression(String quotedColumn) {
    return withSuffix("State", aggregate == Aggregate.count ? "" : quotedColumn);
  }

  /** Expression that merges states of an already-quoted rollup column into the final value. */
  public String mergeExpression(String quotedColumn) {
    return withSuffix("Merge", quotedColumn);
  }

  /** Plain aggregate over raw rows, used to check rollups against raw. */
  public String rawExpression(String quotedColumn) {
    return withSuffix("", aggregate == Aggregate.count ? "" : quotedColumn);
  }

  private String withSuffix(String suffix, String argument) {
    String fn = function();
    int params = fn.indexOf('(');
    String name = params < 0 ? fn : fn.substring(0, params);
    String parameters = params < 0 ? "" : fn.substring(params);
    return name + suffix + parameters + "(" + argument + ")";
  }

  private String levels() {
    return quantiles.stream().map(q -> String.format(Locale.ROOT, "%s", q)).collect(Collectors.joining(", "));
  }
}
