package io.pulseboard.query.panel;

import io.pulseboard.api.pipeline.MeasureContract;
import io.pulseboard.api.v1alpha1.Aggregate;

/**
 * One measure of a panel as it is queried.
 *
 * @param contract the stream's measure
 * @param quantileIndex for a quantile pick on a quantiles measure, the 1-based position of the pick among
 *     its levels; null otherwise
 */
public record PanelMeasure(MeasureContract contract, Integer quantileIndex) {

  public String name() {
    return contract.name();
  }

  /** Whether each row carries all the measure's quantile levels, to be split into one series per level. */
  public boolean showsAllQuantiles() {
    return contract.aggregate() == Aggregate.quantiles && quantileIndex == null;
  }

  /** Whether values of different groups add up to the value of their union, so groups can fold into "other". */
  public boolean additive() {
    return contract.aggregate() == Aggregate.count || contract.aggregate() == Aggregate.sum;
  }
}
