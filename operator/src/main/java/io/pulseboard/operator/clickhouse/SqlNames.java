package io.pulseboard.operator.clickhouse;

import io.pulseboard.api.contract.Identifiers;
import io.pulseboard.api.contract.StreamNames;
import java.util.Set;

/**
 * Quotes column names for SQL. User names go through {@link Identifiers#quote}, which rejects a leading
 * underscore so that they can never collide with the bookkeeping columns; those fixed names of
 * {@link StreamNames} are quoted as they are.
 */
public final class SqlNames {
  private static final Set<String> BOOKKEEPING = Set.of(StreamNames.TIME, StreamNames.PARTITION,
      StreamNames.OFFSET, StreamNames.INGESTED_AT, StreamNames.BUCKET);

  private SqlNames() {}

  public static String quote(String column) {
    return BOOKKEEPING.contains(column) ? "`" + column + "`" : Identifiers.quote(column);
  }
}
