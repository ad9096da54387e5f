package io.pulseboard.operator.clickhouse;

import io.pulseboard.api.contract.Identifiers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * ClickHouse 18.16: no TTL and no codecs, so retention is not enforced by the server. LowCardinality
 * columns work when the server profile sets {@code allow_experimental_low_cardinality_type}.
 */
public final class FloorDialect implements Dialect {
  public static final FloorDialect INSTANCE = new FloorDialect();

  private FloorDialect() {}

  @Override
  public String column(Column column) {
    return Identifiers.quoteColumn(column.name()) + " " + column.type();
  }

  @Override
  public List<String> retention(String quotedTimeColumn, Optional<Duration> retention) {
    return List.of();
  }
}
