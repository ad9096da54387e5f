package io.pulseboard.ingest.clickhouse;

/** ClickHouse could not be reached or refused a statement; the caller keeps its batch and retries. */
public final class ClickHouseException extends Exception {
  public ClickHouseException(String message, Throwable cause) {
    super(message, cause);
  }
}
