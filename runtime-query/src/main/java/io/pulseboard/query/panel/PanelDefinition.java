package io.pulseboard.query.panel;

import io.pulseboard.api.pipeline.MeasureContract;
import io.pulseboard.api.pipeline.StreamContract;
import io.pulseboard.api.v1alpha1.Aggregate;
import java.util.List;

/**
 * A panel checked against its stream: every name it uses exists, so a query can be compiled from it.
 *
 * @param id panel id
 * @param stream the stream it reads
 * @param measure the measure it shows
 * @param quantileIndex for a quantile pick, the 1-based position of the pick among the measure's levels
 * @param groupBy dimensions that split the series
 * @param filters conditions every row meets
 */
public record PanelDefinition(
    String id,
    StreamContract stream,
    MeasureContract measure,
    Integer quantileIndex,
    List<String> groupBy,
    List<FilterClause> filters) {

  /** Label that tells the levels of a quantiles measure apart when the panel picks none. */
  public static final String QUANTILE_LABEL = "quantile";

  public PanelDefinition {
    groupBy = List.copyOf(groupBy);
    filters = List.copyOf(filters);
  }

  /** Whether each row carries all the measure's quantile levels, to be split into one series per level. */
  public boolean showsAllQuantiles() {
    return measure.aggregate() == Aggregate.quantiles && quantileIndex == null;
  }
}
