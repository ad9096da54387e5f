package io.pulseboard.query.clickhouse;

/** ClickHouse failed a query or did not answer; the cause holds the details, which stay in the log. */
public class QueryFailedException extends RuntimeException {
  public QueryFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
