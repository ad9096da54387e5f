package io.pulseboard.operator.clickhouse;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What differs between ClickHouse versions in the DDL of a stream. The floor dialect targets 18.16, the
 * oldest supported server; a modern dialect (23.8 and later) adds TTL retention and column codecs by
 * implementing these hooks, without touching the statement layout in {@link DdlGenerator}.
 */
public interface Dialect {
  /** The definition of one column inside CREATE TABLE, such as {@code `amount` Float64}. */
  String column(Column column);

  /**
   * Clauses that follow ORDER BY to keep rows for {@code retention} after the time in
   * {@code quotedTimeColumn}; empty when rows are kept for ever or the server cannot expire them.
   */
  List<String> retention(String quotedTimeColumn, Optional<Duration> retention);
}
