package io.pulseboard.query.panel;

import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.pipeline.ColumnSpec;
import io.pulseboard.api.pipeline.MeasureContract;
import io.pulseboard.api.pipeline.StreamContract;
import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.api.v1alpha1.FilterOp;
import io.pulseboard.api.v1alpha1.FilterSpec;
import io.pulseboard.api.v1alpha1.PanelSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Checks a panel as declared against the contracts of the streams. The operator validates panels too;
 * this is the query side's own guard, because every name here ends up in SQL.
 */
public final class PanelResolver {
  private static final double LEVEL_TOLERANCE = 1e-9;

  private PanelResolver() {}

  /** @throws IllegalArgumentException naming what is wrong with the panel */
  public static PanelDefinition resolve(PanelSpec panel, Map<String, StreamContract> streams) {
    StreamContract stream = streams.get(panel.getStream());
    if (stream == null) {
      throw new IllegalArgumentException("stream '" + panel.getStream() + "' is not known");
    }
    Identifiers.require(stream.database());
    Identifiers.require(stream.base());
    MeasureContract measure = stream.measures().stream()
        .filter(m -> m.name().equals(panel.getMeasure()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "stream '" + stream.name() + "' has no measure '" + panel.getMeasure() + "'"));
    Identifiers.require(measure.name());
    Integer quantileIndex = quantileIndex(panel.getQuantile(), measure);
    List<String> groupBy = panel.getGroupBy() == null ? List.of() : panel.getGroupBy();
    for (String dimension : groupBy) {
      dimension(stream, dimension);
    }
    if (new HashSet<>(groupBy).size() != groupBy.size()) {
      throw new IllegalArgumentException("groupBy names a dimension twice");
    }
    if (measure.aggregate() == Aggregate.quantiles && quantileIndex == null
        && groupBy.contains(PanelDefinition.QUANTILE_LABEL)) {
      throw new IllegalArgumentException("groupBy '" + PanelDefinition.QUANTILE_LABEL
          + "' clashes with the quantile label; pick a quantile");
    }
    return new PanelDefinition(panel.getId(), stream, measure, quantileIndex, groupBy, filters(panel, stream));
  }

  private static Integer quantileIndex(Double quantile, MeasureContract measure) {
    if (quantile == null) {
      return null;
    }
    if (measure.aggregate() != Aggregate.quantiles) {
      throw new IllegalArgumentException("quantile is set but measure '" + measure.name() + "' is not a quantiles measure");
    }
    List<Double> levels = measure.quantiles();
    for (int i = 0; i < levels.size(); i++) {
      if (Math.abs(levels.get(i) - quantile) < LEVEL_TOLERANCE) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("measure '" + measure.name() + "' has no quantile " + quantile + "; it has " + levels);
  }

  private static List<FilterClause> filters(PanelSpec panel, StreamContract stream) {
    List<FilterClause> clauses = new ArrayList<>();
    for (FilterSpec filter : panel.getFilters() == null ? List.<FilterSpec>of() : panel.getFilters()) {
      ColumnSpec column = dimension(stream, filter.getDimension());
      if (filter.getValues() == null || filter.getValues().isEmpty()) {
        throw new IllegalArgumentException("the filter on '" + column.name() + "' has no values");
      }
      FilterOp op = filter.getOp() == null ? FilterOp.in : filter.getOp();
      clauses.add(new FilterClause(column.name(), column.type(), op, filter.getValues()));
    }
    return clauses;
  }

  private static ColumnSpec dimension(StreamContract stream, String name) {
    ColumnSpec column = stream.dimensions().stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("stream '" + stream.name() + "' has no dimension '" + name + "'"));
    Identifiers.require(column.name());
    return column;
  }
}
