package io.pulseboard.query.clickhouse;

import io.pulseboard.api.pipeline.MeasureContract;
import io.pulseboard.query.panel.PanelData;
import io.pulseboard.query.panel.PanelDefinition;
import io.pulseboard.query.panel.PanelMeasure;
import io.pulseboard.query.panel.SeriesTable;
import io.pulseboard.query.panel.TopGroups;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Turns the JSONEachRow rows of a {@link PanelQuery} into panel data: one series per measure and group-by
 * combination, and per quantile level when the panel shows all levels of a quantiles measure; then the
 * panel's top-N limit ({@link TopGroups}).
 */
public final class PanelRows {
  private PanelRows() {}

  public static PanelData toPanelData(PanelQuery query, List<JsonNode> rows) {
    PanelDefinition panel = query.panel();
    SeriesTable table = new SeriesTable();
    for (JsonNode row : rows) {
      long t = number(row.get(PanelQueryCompiler.TIME)).longValue() * 1000;
      Map<String, String> labels = new HashMap<>();
      for (String dimension : panel.groupBy()) {
        JsonNode value = row.get(dimension);
        labels.put(dimension, value == null || value.isNull() ? "" : value.asString());
      }
      for (int i = 0; i < panel.measures().size(); i++) {
        PanelMeasure measure = panel.measures().get(i);
        Map<String, String> measureLabels = new HashMap<>(labels);
        measureLabels.put(SeriesTable.MEASURE, measure.name());
        JsonNode value = row.get(PanelQueryCompiler.valueColumn(i));
        if (measure.showsAllQuantiles()) {
          putLevels(table, measureLabels, t, value, measure.contract());
        } else {
          putValue(table, measureLabels, t, value);
        }
      }
    }
    return new PanelData(panel.id(), query.range().granularity().label(),
        query.range().fromMillis(), query.range().toMillis(),
        query.ranked() ? TopGroups.apply(panel, table.toSeries()) : table.toSeries());
  }

  private static void putLevels(SeriesTable table, Map<String, String> labels, long t, JsonNode values, MeasureContract measure) {
    if (values == null || !values.isArray()) {
      return;
    }
    for (int i = 0; i < values.size() && i < measure.quantiles().size(); i++) {
      Map<String, String> level = new HashMap<>(labels);
      level.put(PanelDefinition.QUANTILE_LABEL, measure.quantiles().get(i).toString());
      putValue(table, level, t, values.get(i));
    }
  }

  /** A null value (ClickHouse writes nan and inf as null) leaves a gap rather than a fake number. */
  private static void putValue(SeriesTable table, Map<String, String> labels, long t, JsonNode value) {
    Number v = number(value);
    if (v != null) {
      table.put(labels, t, v);
    }
  }

  /** ClickHouse quotes 64-bit integers in JSON; numbers come either way. */
  static Number number(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    String text = node.asString();
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException notIntegral) {
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new IllegalStateException("ClickHouse returned '" + text + "' where a number was expected");
      }
    }
  }
}
