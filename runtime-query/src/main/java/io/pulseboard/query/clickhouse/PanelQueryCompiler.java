package io.pulseboard.query.clickhouse;

import static io.pulseboard.api.contract.Identifiers.quote;

import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.contract.MeasureFunctions;
import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.pipeline.MeasureContract;
import io.pulseboard.api.v1alpha1.FilterOp;
import io.pulseboard.query.panel.BucketRange;
import io.pulseboard.query.panel.FilterClause;
import io.pulseboard.query.panel.PanelDefinition;
import io.pulseboard.query.panel.PanelMeasure;
import java.util.StringJoiner;

/**
 * Compiles a panel over a bucket range into one SELECT on the matching rollup. Every name is quoted by
 * {@link io.pulseboard.api.contract.Identifiers}, every value goes through {@link SqlLiterals}; nothing a
 * client sends is copied into the statement.
 *
 * <p>The result columns are {@code _t} (bucket start, epoch seconds), the group-by dimensions, and
 * {@code _v} (the merged first measure), {@code _v1}, {@code _v2}, ... for the panel's further measures. The aliases start with an underscore because stream column names
 * cannot, so they never clash with a dimension.
 */
public final class PanelQueryCompiler {
  public static final String TIME = "_t";
  public static final String VALUE = "_v";

  public PanelQuery compile(PanelDefinition panel, BucketRange range) {
    StreamNames names = new StreamNames(panel.stream().database(), panel.stream().base());
    String bucket = Identifiers.quoteColumn(StreamNames.BUCKET);
    StringBuilder sql = new StringBuilder("SELECT toUInt32(").append(bucket).append(") AS ").append(TIME);
    for (String dimension : panel.groupBy()) {
      sql.append(", ").append(quote(dimension));
    }
    for (int i = 0; i < panel.measures().size(); i++) {
      sql.append(", ").append(valueExpression(panel.measures().get(i))).append(" AS ").append(valueColumn(i));
    }
    sql.append(" FROM ").append(quote(names.database(), panel.stream().table(range.granularity().label())))
        .append(" WHERE ").append(bucket).append(" >= toDateTime(").append(range.fromSeconds()).append(')')
        .append(" AND ").append(bucket).append(" < toDateTime(").append(range.toSeconds()).append(')');
    for (FilterClause filter : panel.filters()) {
      sql.append(" AND ").append(condition(filter));
    }
    sql.append(" GROUP BY ").append(TIME);
    for (String dimension : panel.groupBy()) {
      sql.append(", ").append(quote(dimension));
    }
    sql.append(" ORDER BY ").append(TIME).append(" FORMAT JSONEachRow");
    return new PanelQuery(panel, range, sql.toString());
  }

  /** As {@link #compile}, for an answer with every group (a live refresh folds them itself). */
  public PanelQuery compileAllGroups(PanelDefinition panel, BucketRange range) {
    PanelQuery ranked = compile(panel, range);
    return new PanelQuery(panel, range, ranked.sql(), false);
  }

  /** The result column of the panel's i-th measure: {@code _v} for the first, then {@code _v1}, {@code _v2}. */
  public static String valueColumn(int index) {
    return index == 0 ? VALUE : VALUE + index;
  }

  private static String valueExpression(PanelMeasure panelMeasure) {
    MeasureContract measure = panelMeasure.contract();
    String merged = new MeasureFunctions(measure.aggregate(), measure.quantiles()).mergeExpression(quote(measure.name()));
    if (panelMeasure.quantileIndex() == null) {
      return merged;
    }
    return "arrayElement(" + merged + ", " + panelMeasure.quantileIndex() + ")";
  }

  static String condition(FilterClause filter) {
    StringJoiner values = new StringJoiner(", ", "(", ")");
    for (String value : filter.values()) {
      values.add(SqlLiterals.of(filter.type(), value));
    }
    String op = filter.op() == FilterOp.notIn ? " NOT IN " : " IN ";
    return quote(filter.dimension()) + op + values;
  }
}
