package io.pulseboard.query.panel;

import io.pulseboard.api.contract.Durations;
import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.pipeline.ColumnSpec;
import io.pulseboard.api.pipeline.MeasureContract;
import io.pulseboard.api.pipeline.StreamContract;
import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.api.v1alpha1.FilterOp;
import io.pulseboard.api.v1alpha1.FilterSpec;
import io.pulseboard.api.v1alpha1.PanelSpec;
import io.pulseboard.api.v1alpha1.VariableSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a panel as declared against the contracts of the streams. The operator validates panels too;
 * this is the query side's own guard, because every name here ends up in SQL.
 */
public final class PanelResolver {
  private static final double LEVEL_TOLERANCE = 1e-9;
  private static final int MAX_MEASURES = 4;

  private PanelResolver() {}

  /** As {@link #resolve(PanelSpec, Map, List)} for a dashboard without variables. */
  public static PanelDefinition resolve(PanelSpec panel, Map<String, StreamContract> streams) {
    return resolve(panel, streams, List.of());
  }

  /** @throws IllegalArgumentException naming what is wrong with the panel */
  public static PanelDefinition resolve(PanelSpec panel, Map<String, StreamContract> streams, List<VariableSpec> variables) {
    StreamContract stream = streams.get(panel.getStream());
    if (stream == null) {
      throw new IllegalArgumentException("stream '" + panel.getStream() + "' is not known");
    }
    Identifiers.require(stream.database());
    Identifiers.require(stream.base());
    List<String> names = panel.measureNames();
    if (names.isEmpty() || names.size() > MAX_MEASURES) {
      throw new IllegalArgumentException("a panel shows 1 to " + MAX_MEASURES + " measures");
    }
    if (new HashSet<>(names).size() != names.size()) {
      throw new IllegalArgumentException("measures names a measure twice");
    }
    List<PanelMeasure> measures = new ArrayList<>();
    for (String name : names) {
      measures.add(measure(panel, stream, name));
    }
    if (panel.getQuantile() != null && measures.stream().noneMatch(m -> m.quantileIndex() != null)) {
      throw new IllegalArgumentException("quantile is set but the panel shows no quantiles measure");
    }
    List<String> groupBy = panel.getGroupBy() == null ? List.of() : panel.getGroupBy();
    for (String dimension : groupBy) {
      dimension(stream, dimension);
    }
    if (new HashSet<>(groupBy).size() != groupBy.size()) {
      throw new IllegalArgumentException("groupBy names a dimension twice");
    }
    if (measures.stream().anyMatch(PanelMeasure::showsAllQuantiles) && groupBy.contains(PanelDefinition.QUANTILE_LABEL)) {
      throw new IllegalArgumentException("groupBy '" + PanelDefinition.QUANTILE_LABEL
          + "' clashes with the quantile label; pick a quantile");
    }
    Long rangeMillis = panel.getRange() == null ? null : Durations.parse(panel.getRange()).toMillis();
    int limit = panel.getLimit() == null ? PanelSpec.DEFAULT_LIMIT : panel.getLimit();
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    return new PanelDefinition(panel.getId(), stream, measures, groupBy, filters(panel, stream), rangeMillis, limit,
        applicable(variables, stream));
  }

  /** The variables whose dimension the stream has: those narrow this panel. */
  private static Map<String, ColumnSpec> applicable(List<VariableSpec> variables, StreamContract stream) {
    Map<String, ColumnSpec> applicable = new LinkedHashMap<>();
    for (VariableSpec variable : variables) {
      stream.dimensions().stream()
          .filter(d -> d.name().equals(variable.getDimension()))
          .findFirst()
          .ifPresent(column -> applicable.put(variable.getName(), column));
    }
    return applicable;
  }

  private static PanelMeasure measure(PanelSpec panel, StreamContract stream, String name) {
    MeasureContract measure = stream.measures().stream()
        .filter(m -> m.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("stream '" + stream.name() + "' has no measure '" + name + "'"));
    Identifiers.require(measure.name());
    boolean single = panel.measureNames().size() == 1;
    return new PanelMeasure(measure, quantileIndex(panel.getQuantile(), measure, single));
  }

  /** The pick's position among the measure's levels; a multi-measure panel's pick applies to its quantiles measures only. */
  private static Integer quantileIndex(Double quantile, MeasureContract measure, boolean single) {
    if (quantile == null || (!single && measure.aggregate() != Aggregate.quantiles)) {
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
