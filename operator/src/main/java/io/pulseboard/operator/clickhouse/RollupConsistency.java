package io.pulseboard.operator.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.contract.StreamNames;
import io.pulseboard.api.v1alpha1.Aggregate;
import io.pulseboard.api.v1alpha1.Granularity;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that a stream's rollups agree with each other and with raw where they must: for the last closed
 * hour, raw vs the 1m buckets summed vs the 1h bucket; for the last closed day, the 1h buckets summed vs
 * the 1d bucket. Only count and sum measures are compared (they add up exactly; sketches do not). A table
 * the stream does not have is left out of the comparison; raw is left out of the day (its retention may be
 * shorter than a day's rows).
 */
public final class RollupConsistency {
  /** Sums of floating-point values may differ in the last bits with the order of addition. */
  private static final double RELATIVE_TOLERANCE = 1e-9;

  private final ClickHouseService clickhouse;

  public RollupConsistency(ClickHouseService clickhouse) {
    this.clickhouse = clickhouse;
  }

  /** The outcome: whether every figure agrees, and the figures. */
  public record Report(boolean consistent, String message) {}

  public Report check(ClickHouseConnection connection, StreamSchema schema, Instant now) {
    List<MeasureColumn> measures = schema.rollups().isEmpty() ? List.of() : schema.rollups().get(0).measures()
        .stream().filter(m -> m.functions().aggregate() == Aggregate.count
            || m.functions().aggregate() == Aggregate.sum).toList();
    if (measures.isEmpty()) {
      return new Report(true, "no count or sum measure to compare");
    }
    Instant hour = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
    Instant day = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
    List<String> parts = new ArrayList<>();
    boolean consistent = compare(connection, schema, measures, hour, Duration.ofHours(1), true,
        List.of(Granularity.MINUTE, Granularity.HOUR), "hour", parts);
    consistent &= compare(connection, schema, measures, day, Duration.ofDays(1), false,
        List.of(Granularity.HOUR, Granularity.DAY), "day", parts);
    return new Report(consistent, String.join("; ", parts));
  }

  private boolean compare(ClickHouseConnection connection, StreamSchema schema, List<MeasureColumn> measures,
      Instant from, Duration length, boolean withRaw, List<Granularity> granularities, String what,
      List<String> parts) {
    Map<String, List<Double>> figures = new java.util.LinkedHashMap<>();
    if (withRaw) {
      figures.put("raw", figures(connection, schema.database(), schema.raw().name(), StreamNames.TIME, measures,
          from, length, false));
    }
    for (Granularity g : granularities) {
      Optional<RollupTable> rollup = schema.rollups().stream().filter(r -> r.granularity() == g).findFirst();
      rollup.ifPresent(r -> figures.put(g.label(), figures(connection, schema.database(), r.name(),
          StreamNames.BUCKET, measures, from, length, true)));
    }
    if (figures.size() < 2) {
      return true;
    }
    boolean agree = true;
    List<String> byMeasure = new ArrayList<>();
    for (int i = 0; i < measures.size(); i++) {
      int index = i;
      List<Double> values = figures.values().stream().map(v -> v.get(index)).toList();
      agree &= values.stream().allMatch(v -> close(v, values.get(0)));
      List<String> shown = new ArrayList<>();
      figures.forEach((table, v) -> shown.add(table + " " + format(v.get(index))));
      byMeasure.add(measures.get(i).name() + " " + String.join(" / ", shown));
    }
    parts.add("last closed " + what + " " + from + ": " + String.join(", ", byMeasure));
    return agree;
  }

  private List<Double> figures(ClickHouseConnection connection, String database, String table, String timeColumn,
      List<MeasureColumn> measures, Instant from, Duration length, boolean rollup) {
    List<String> select = new ArrayList<>();
    for (MeasureColumn m : measures) {
      String expression = rollup
          ? m.functions().mergeExpression(Identifiers.quoteColumn(m.name()))
          : m.functions().rawExpression(m.argument() == null ? "" : Identifiers.quoteColumn(m.argument()));
      select.add("toFloat64(" + expression + ") AS " + Identifiers.quoteColumn(m.name()));
    }
    String time = Identifiers.quoteColumn(timeColumn);
    JsonNode row = clickhouse.select(connection, "SELECT " + String.join(", ", select) + " FROM "
        + Identifiers.quote(database, table) + " WHERE " + time + " >= toDateTime(" + from.getEpochSecond() + ")"
        + " AND " + time + " < toDateTime(" + from.plus(length).getEpochSecond() + ") FORMAT JSONEachRow").get(0);
    return measures.stream().map(m -> row.get(m.name()).asDouble()).toList();
  }

  private static boolean close(double a, double b) {
    return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }
}
