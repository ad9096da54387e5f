package io.pulseboard.operator.clickhouse;

import io.pulseboard.api.v1alpha1.Granularity;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

/**
 * How a stream's tables are partitioned, chosen so that retention can be enforced exactly to the day by
 * dropping whole partitions on servers without TTL.
 *
 * <p>Raw, 1m and 1h tables are partitioned by day: a day partition is dropped once the whole day is older
 * than the retention. 1d is partitioned by month because a day partition would hold a single bucket per
 * dimension combination (thousands of tiny partitions over the years); its retention is made exact to the
 * day by deleting the expired days of the oldest, partly expired month (a cheap mutation on a table this
 * small).
 */
public enum Partitioning {
  DAY("toYYYYMMDD", DateTimeFormatter.BASIC_ISO_DATE),
  MONTH("toYYYYMM", DateTimeFormatter.ofPattern("uuuuMM"));

  private final String function;
  private final DateTimeFormatter format;

  Partitioning(String function, DateTimeFormatter format) {
    this.function = function;
    this.format = format;
  }

  public static Partitioning ofRaw() {
    return DAY;
  }

  public static Partitioning ofRollup(Granularity granularity) {
    return granularity == Granularity.DAY ? MONTH : DAY;
  }

  /**
   * The partitioning of an existing table, read from one of its partition values: 8 digits are a day
   * ({@code 20261129}), 6 a month ({@code 202611}). Tables created before 1m and 1h moved to day
   * partitions are month-partitioned and handled as such.
   */
  public static Partitioning ofPartitionValue(String partition) {
    return switch (partition.length()) {
      case 8 -> DAY;
      case 6 -> MONTH;
      default -> throw new IllegalArgumentException("unexpected partition value " + partition);
    };
  }

  /** The PARTITION BY expression over an already-quoted time column. */
  public String expression(String quotedTimeColumn) {
    return function + "(" + quotedTimeColumn + ")";
  }

  /**
   * The last day a partition holds rows for, from the partition value system.parts reports (such as
   * {@code 20261129} or {@code 202611}); this partitioning decides how the value reads.
   */
  public LocalDate lastDay(String partition) {
    if (this == DAY) {
      return LocalDate.parse(partition, format);
    }
    return YearMonth.of(Integer.parseInt(partition.substring(0, 4)), Integer.parseInt(partition.substring(4, 6)))
        .atEndOfMonth();
  }

  /** The partition value of the partition that holds {@code day}. */
  public String partitionOf(LocalDate day) {
    return day.format(format);
  }
}
