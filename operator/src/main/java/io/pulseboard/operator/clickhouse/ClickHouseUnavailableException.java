package io.pulseboard.operator.clickhouse;

/** ClickHouse could not be reached or did not answer in time. */
public class ClickHouseUnavailableException extends RuntimeException {
  public ClickHouseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
