package io.pulseboard.query.clickhouse;

import static io.pulseboard.api.contract.Identifiers.quote;

import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.pipeline.ColumnSpec;
import io.pulseboard.api.pipeline.StreamContract;
import io.pulseboard.api.v1alpha1.FieldType;
import io.pulseboard.query.panel.BucketRange;

/**
 * The statements beside panel data: the values of a variable's dimension and the freshness of a stream's
 * raw table. As for panels, names are quoted by Identifiers and only numbers this service computed are
 * written in; nothing a client sends reaches the text.
 */
public final class MetaQueryCompiler {
  public static final String VALUE = "_d";
  public static final String NEWEST = "_m";
  public static final String ROWS = "_c";
  /** Most values a variable offers. */
  public static final int MAX_VALUES = 200;

  /**
   * Distinct values of a dimension over a rollup range with their rollup rows ({@link #ROWS}, a cheap
   * stand-in for events), the most frequent first. Date-times come back as epoch seconds, which the literal
   * encoder reads back.
   */
  public String variableValues(StreamContract stream, ColumnSpec dimension, BucketRange range) {
    String bucket = Identifiers.quoteColumn(StreamNames.BUCKET);
    String column = quote(dimension.name());
    String value = dimension.type() == FieldType.datetime ? "toUInt32(" + column + ")" : column;
    return "SELECT " + value + " AS " + VALUE + ", count() AS " + ROWS
        + " FROM " + quote(stream.database(), stream.table(range.granularity().label()))
        + " WHERE " + bucket + " >= toDateTime(" + range.fromSeconds() + ") AND " + bucket + " < toDateTime(" + range.toSeconds() + ")"
        + " GROUP BY " + VALUE + " ORDER BY " + ROWS + " DESC, " + VALUE + " LIMIT " + MAX_VALUES + " FORMAT JSONEachRow";
  }

  /**
   * When the newest raw row was ingested, among rows whose event time is at or after {@code sinceSeconds}
   * (a bound on the event time prunes partitions, which are by day); with null, over the whole table.
   */
  public String newestIngested(StreamContract stream, Long sinceSeconds) {
    StreamNames names = new StreamNames(stream.database(), stream.base());
    String sql = "SELECT toUInt32(max(" + Identifiers.quoteColumn(StreamNames.INGESTED_AT) + ")) AS " + NEWEST
        + ", count() AS " + ROWS + " FROM " + quote(names.database(), names.raw());
    if (sinceSeconds != null) {
      sql += " WHERE " + Identifiers.quoteColumn(StreamNames.TIME) + " >= toDateTime(" + sinceSeconds + ")";
    }
    return sql + " FORMAT JSONEachRow";
  }
}
