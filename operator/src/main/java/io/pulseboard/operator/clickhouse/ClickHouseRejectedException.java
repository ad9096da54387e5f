package io.pulseboard.operator.clickhouse;

/** ClickHouse answered a statement with an error. */
public class ClickHouseRejectedException extends RuntimeException {
  public ClickHouseRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
