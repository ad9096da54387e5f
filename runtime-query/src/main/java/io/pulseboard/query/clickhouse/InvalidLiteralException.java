package io.pulseboard.query.clickhouse;

import io.pulseboard.query.panel.BadRequestException;

/** A value that cannot be turned into a SQL literal of its column's type. */
public class InvalidLiteralException extends BadRequestException {
  public InvalidLiteralException(String message) {
    super(message);
  }
}
