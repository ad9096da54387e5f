package io.pulseboard.query.panel;

import io.pulseboard.api.pipeline.ColumnSpec;
import io.pulseboard.api.pipeline.MeasureContract;
import io.pulseboard.api.pipeline.StreamContract;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A panel checked against its stream: every name it uses exists, so a query can be compiled from it.
 *
 * @param id panel id
 * @param stream the stream it reads
 * @param measures the measures it shows, at least one
 * @param groupBy dimensions that split the series
 * @param filters conditions every row meets (the panel's own, then those of the dashboard variables chosen)
 * @param rangeMillis the panel's own range, overriding the page's; null when it has none
 * @param limit most groups shown for a panel with groupBy
 * @param variables the dashboard variables that apply to this panel, by name, with their dimension
 */
public record PanelDefinition(
    String id,
    StreamContract stream,
    List<PanelMeasure> measures,
    List<String> groupBy,
    List<FilterClause> filters,
    Long rangeMillis,
    int limit,
    Map<String, ColumnSpec> variables) {

  /** Label that tells the levels of a quantiles measure apart when the panel picks none. */
  public static final String QUANTILE_LABEL = "quantile";
  /** The label value of the series that folds the groups beyond the limit. */
  public static final String OTHER = "__other__";

  public PanelDefinition {
    if (measures.isEmpty()) {
      throw new IllegalArgumentException("a panel needs a measure");
    }
    measures = List.copyOf(measures);
    groupBy = List.copyOf(groupBy);
    filters = List.copyOf(filters);
    variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  /** The first measure: what ranks groups and what the single-measure fields describe. */
  public MeasureContract measure() {
    return measures.get(0).contract();
  }

  /** The quantile pick of the first measure. */
  public Integer quantileIndex() {
    return measures.get(0).quantileIndex();
  }

  /** Whether the first measure shows all its quantile levels. */
  public boolean showsAllQuantiles() {
    return measures.get(0).showsAllQuantiles();
  }

  /** This panel narrowed by more conditions (the dashboard variables chosen on the page). */
  public PanelDefinition withFilters(List<FilterClause> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<FilterClause> all = new ArrayList<>(filters);
    all.addAll(more);
    return new PanelDefinition(id, stream, measures, groupBy, all, rangeMillis, limit, variables);
  }
}
